<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TimeCharts</name>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="76"/>
        <source>gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="77"/>
        <source>plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="78"/>
        <source>upstream connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="79"/>
        <source>upstream response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="80"/>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="12"/>
        <source>Sluice Manager: configure Sluice gateways, watch their traffic and load-test their routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="13"/>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="14"/>
        <source>Open connected to the gateway whose Admin API is at &lt;url&gt; (or SLUICE_ADMIN_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="16"/>
        <source>The admin token for that gateway (or SLUICE_ADMIN_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="18"/>
        <source>Do not verify the gateway&apos;s TLS certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="22"/>
        <source>The interface language: en, de or zh_CN (remembered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="39"/>
        <source>not an http(s) URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::AlertsView</name>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="40"/>
        <source>Alerts are evaluated on the gateway once a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="42"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="43"/>
        <source>Manage rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="44"/>
        <source>The alert rules are the sluice_alert_rules entity: p99 or 5xx share of a route, a service or the node, an unhealthy target, a certificate about to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="54"/>
        <source>Firing now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="60"/>
        <source>History (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>No alert is firing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>%n alert(s) firing.</source>
        <translation>
            <numerusform>%n alert firing.</numerusform>
            <numerusform>%n alerts firing.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::ClusterView</name>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Data plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Configuration hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="32"/>
        <source>%n data plane(s)</source>
        <translation>
            <numerusform>%n data plane</numerusform>
            <numerusform>%n data planes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="33"/>
        <source>%1, %2 behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="39"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="43"/>
        <source>This node is a data plane: its configuration comes from its control plane, and its Admin API is read-only. Connect to the control plane to see the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="48"/>
        <source>This node is not a control plane (role: %1). Nodes sharing a PostgreSQL database follow each other without a list of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="52"/>
        <source>Control plane — configuration hash %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>Behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="67"/>
        <source>%1 (disconnected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="68"/>
        <source>Refused: version newer than the control plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::ConnectDialog</name>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="16"/>
        <source>Connect to a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="19"/>
        <source>e.g. production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="23"/>
        <source>only when the gateway has admin_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="24"/>
        <source>Verify the gateway&apos;s TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="27"/>
        <source>PEM file of a CA to trust (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="31"/>
        <source>Saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="32"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="33"/>
        <source>Admin API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="34"/>
        <source>Admin token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="36"/>
        <source>CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="38"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="39"/>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="49"/>
        <source>Admin tokens are kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="50"/>
        <source>No system keychain here: admin tokens are kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="108"/>
        <source>The Admin API URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::DashboardView</name>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="50"/>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="51"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="52"/>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="54"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="55"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="56"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="57"/>
        <source>Waiting for the first frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="60"/>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="67"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="68"/>
        <source>2xx/3xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="69"/>
        <source>4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="70"/>
        <source>5xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="74"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <source>connections</source>
        <translation>connections</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <source>Latency percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <source>Where the time goes (mean per request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>Latency heatmap (requests per latency band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>In plugins %</source>
        <translation>In plugins %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="123"/>
        <source>Busiest routes this second (double-click opens the route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="129"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="133"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="188"/>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="189"/>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="190"/>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="195"/>
        <source>(no token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="197"/>
        <source>Configuration version %1 — %2 by %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="205"/>
        <source>… and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="268"/>
        <source>%1 req/s · p99 %2 ms · %3 connections · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>1 route active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>%1 routes active</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="312"/>
        <source>%1
%2 – %3 ms: %n request(s)</source>
        <translation>
            <numerusform>%1
%2 – %3 ms: %n request</numerusform>
            <numerusform>%1
%2 – %3 ms: %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityEditor</name>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New entry in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New %1 plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="68"/>
        <source>Edit %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="140"/>
        <source>Some references do not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="141"/>
        <source>unknown references</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityListModel</name>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::ExplainView</name>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="42"/>
        <source>https://api.example.com/orders/12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="44"/>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="49"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="51"/>
        <source>X-Version: 2; Content-Type: application/grpc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="52"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="54"/>
        <source>Type a URL to see which route the gateway picks for it, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Matches on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="102"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="107"/>
        <source>Type a URL first, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="116"/>
        <source>Asking the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="142"/>
        <source>Route “%1” takes it — position %2 of %3 in Kong&apos;s order. %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="147"/>
        <source> (service “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="149"/>
        <source>No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="160"/>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="166"/>
        <source>Matches, comes later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Tried first, fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="172"/>
        <source>fails on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::FirstRunPanel</name>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="27"/>
        <source>&lt;h2&gt;This gateway has no services or routes yet&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="28"/>
        <source>A &lt;b&gt;service&lt;/b&gt; is an API the gateway sends requests to; a &lt;b&gt;route&lt;/b&gt; says which requests go to it. Create one of each and send a request through the gateway to see it work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="36"/>
        <source>http://127.0.0.1:8080 — the API behind the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="38"/>
        <source>1. Service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="39"/>
        <source>   Its URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="40"/>
        <source>2. Route path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="43"/>
        <source>3. Create them and send a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="45"/>
        <source>Open the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="47"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="59"/>
        <source>The answer through the new route appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="88"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="91"/>
        <source>The service needs a name and the URL of the API behind the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="95"/>
        <source>Creating the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="98"/>
        <source>The service was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="99"/>
        <source>Creating the route…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="104"/>
        <source>The route was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="105"/>
        <source>Sending a request through the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="123"/>
        <source>The gateway&apos;s proxy did not answer at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="129"/>
        <source>It works: the gateway sent the request to the service and passed its answer back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="130"/>
        <source>The gateway answered %1: the route works, and this is what the service (or the gateway) said.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::GatewayConnection</name>
    <message>
        <location filename="../manager_gui/api/gateway_connection.cpp" line="28"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::HistoryView</name>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="30"/>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="31"/>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="32"/>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="52"/>
        <source>All entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="54"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="55"/>
        <source>Load older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="57"/>
        <source>Revert this change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="58"/>
        <source>Restore this version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="59"/>
        <source>Undo the selected change where its entity is still as the change left it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="60"/>
        <source>Return the whole configuration to what it was right after the selected change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="63"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="71"/>
        <source>Every change to the configuration, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="86"/>
        <source>Select a change to see what it changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="94"/>
        <source>The gateway computed what this would change. Apply it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="132"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="154"/>
        <location filename="../manager_gui/history/history_view.cpp" line="190"/>
        <source>(no token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="159"/>
        <source>Taken along by the change of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="165"/>
        <source>No change recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="166"/>
        <source>Versions %1 to %2 kept (the last %3). Select a change to see its diff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="189"/>
        <source>version %1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="202"/>
        <source>No field changed but its timestamps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="216"/>
        <source>Nothing would change: the configuration is already so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="224"/>
        <source>Revert change %1 (%2 %3 “%4”)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="232"/>
        <source>Restore the whole configuration to version %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="240"/>
        <source>Asking the gateway what this would change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="251"/>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="264"/>
        <source>Applied as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="265"/>
        <source>Nothing changed: the configuration was already so.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::ImportDialog</name>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="17"/>
        <source>Import configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="18"/>
        <source>Replace: delete what the file does not mention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="19"/>
        <source>Comparing the file with the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="26"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="47"/>
        <source>The gateway refused the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="73"/>
        <source>The gateway already has this configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="74"/>
        <source>%1 changes; %2 entities stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestCharts</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="42"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="48"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="82"/>
        <source>second of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="43"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="58"/>
        <source>this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="44"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="45"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="59"/>
        <source>compared run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <source>Latency per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="55"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="52"/>
        <source>compared p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>Latency distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>% of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>Capacity: each step against the offered rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="65"/>
        <source>offered rate (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="66"/>
        <source>offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="67"/>
        <source>achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="70"/>
        <source>p99 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="74"/>
        <source>missed a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="78"/>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
        <source>The gateway&apos;s view of the same seconds (mean per request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="84"/>
        <source>gateway (plugins included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="89"/>
        <source>upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="158"/>
        <source>knee %1 req/s </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestForm</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="45"/>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="46"/>
        <source>The gateway host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="50"/>
        <source>— a URL (this computer only) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="52"/>
        <source>the route&apos;s first path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="58"/>
        <source>Name: value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="70"/>
        <source>as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="71"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="116"/>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="73"/>
        <source>e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="77"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="123"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="80"/>
        <source>none; e.g. 500ms, or 1s-3s for a pause drawn between the two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="81"/>
        <source>Closed loop (no rate): each connection pauses this long after an answer before its next request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="83"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="88"/>
        <source>Run from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="89"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="90"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="91"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="92"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="93"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="94"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="95"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="96"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="97"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="98"/>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="99"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="100"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="101"/>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="102"/>
        <source>Think time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="103"/>
        <source>As consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="104"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="107"/>
        <source>Find the capacity (rate steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="110"/>
        <source>Steps of rising rate until p99, errors or throughput miss their limit; the result is the knee: the highest rate that met them all. Rate, stages and duration are the search&apos;s to set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="129"/>
        <source>none; e.g. 50ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="136"/>
        <source>Start rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="137"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="138"/>
        <source>Step duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="139"/>
        <source>Highest rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="140"/>
        <source>Most steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="141"/>
        <source>p99 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="142"/>
        <source>Error limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="223"/>
        <source>From the gateway host, a load test targets one of its routes: pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="287"/>
        <source>Duration: a time such as 30s or 2m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="291"/>
        <source>Timeout: a time such as 2s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="299"/>
        <source>Think time: a time such as 500ms, or a range such as 1s-3s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="378"/>
        <source>Step duration: a time such as 10s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="385"/>
        <source>p99 limit: a time such as 50ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="401"/>
        <source>capacity search from %1 req/s by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from the gateway host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestView</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="36"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="38"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="40"/>
        <source>Save run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="41"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="42"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="43"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="45"/>
        <source>Pick a route (or a URL), set the load, and run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="62"/>
        <source>Compare with a saved run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>This run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Compared run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="75"/>
        <source>Percentiles and distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="76"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="81"/>
        <source>The gateway&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="85"/>
        <source>Tick “Find the capacity” in the form to search for the highest rate that meets your limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="89"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Nothing to save yet, or the run could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="115"/>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="119"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="123"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="142"/>
        <source>Not connected to a gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="190"/>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="197"/>
        <source>The load test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="213"/>
        <source>Running: %1 — second %2: %3 requests, p99 %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>failed its thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="238"/>
        <source>%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="260"/>
        <source>Step %1: %2 req/s offered, %3 achieved, p99 %4 ms%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="272"/>
        <source>Knee: %1 req/s — the highest rate that met every limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="273"/>
        <source>No step met the limits: the first rate is already too much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="274"/>
        <source>Stopped because: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="276"/>
        <source>Warning: the load generator itself was the bottleneck — past that step the figures are the tool&apos;s limit, not the gateway&apos;s. Run it from another machine or with more threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="278"/>
        <source>(cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="310"/>
        <source>Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</source>
        <translation>
            <numerusform>Over this %n second the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</numerusform>
            <numerusform>Over these %n seconds the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="328"/>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="329"/>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="330"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="359"/>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="360"/>
        <source>not sent (every connection busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="389"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::MainWindow</name>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="59"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="60"/>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="61"/>
        <source>Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="62"/>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="63"/>
        <source>Upstreams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="64"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="65"/>
        <source>SNIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="66"/>
        <source>CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="67"/>
        <source>Key-auth credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="68"/>
        <source>Basic-auth credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="69"/>
        <source>JWT credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="70"/>
        <source>HMAC credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="71"/>
        <source>OAuth 2.0 applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="72"/>
        <source>OAuth 2.0 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="73"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="74"/>
        <source>ACL groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="75"/>
        <source>Alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="122"/>
        <location filename="../manager_gui/views/main_window.cpp" line="252"/>
        <source>Sluice Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="128"/>
        <source>Filter the loaded rows by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="131"/>
        <source>Tags: a,b (all) or a/b (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="171"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="172"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="173"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="192"/>
        <location filename="../manager_gui/views/main_window.cpp" line="359"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="198"/>
        <location filename="../manager_gui/views/main_window.cpp" line="360"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="200"/>
        <location filename="../manager_gui/views/main_window.cpp" line="361"/>
        <source>Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="202"/>
        <source>Why this route?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="207"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="209"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="223"/>
        <location filename="../manager_gui/views/main_window.cpp" line="292"/>
        <location filename="../manager_gui/views/main_window.cpp" line="362"/>
        <source>Load test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="225"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>No alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>⚠ %n alert(s) firing</source>
        <translation>
            <numerusform>⚠ %n alert firing</numerusform>
            <numerusform>⚠ %n alerts firing</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="260"/>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="272"/>
        <source>%1 loaded, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>1 entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>%1 entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="276"/>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="278"/>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="287"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="288"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="289"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="290"/>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="291"/>
        <source>Troubleshoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="294"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="322"/>
        <source>&amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="323"/>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="329"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="331"/>
        <source>Export configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="335"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Export configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Declarative configuration (*.yml *.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="342"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="344"/>
        <source>Configuration exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="347"/>
        <source>Import configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Import configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Declarative configuration (*.yml *.yaml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="358"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="364"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="371"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="375"/>
        <source>The language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>New plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>Plugin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="480"/>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="544"/>
        <source>Select a route first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="626"/>
        <source>● Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="629"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="636"/>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="639"/>
        <source>%1 — Sluice %2 (Kong API %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1 (unreachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="641"/>
        <source>Configuration v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="643"/>
        <source>Control plane: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="644"/>
        <source>Data plane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::SchemaForm</name>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="197"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="212"/>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="223"/>
        <source>one &quot;key: value&quot; per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="229"/>
        <source>id or name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="237"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::TraceWaterfall</name>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="29"/>
        <source>parse and route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="34"/>
        <source>upstream connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="35"/>
        <source>upstream response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="36"/>
        <source>transfer to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="37"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="59"/>
        <source>Select a trace to see where its time went.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::TroubleshootView</name>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="33"/>
        <source>Pick a route: from the Configuration tab (Troubleshoot) or the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="34"/>
        <source>Open the route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="35"/>
        <source>Refresh traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="36"/>
        <source>Explain the selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="37"/>
        <source>Ask the router again which route takes this trace&apos;s request, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>Where this route&apos;s time goes, per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>ms of request time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Total ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Gateway ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Upstream ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p50 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="64"/>
        <source>Each target&apos;s health over time: green healthy, red unhealthy, grey without health checks. Hover for the reason of a change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="66"/>
        <source>last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="67"/>
        <source>last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="68"/>
        <source>last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="78"/>
        <source>Slowest requests of each minute, and the ones asked for with X-Sluice-Trace: 1 (double-click a plugin row to open the plugin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="80"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="129"/>
        <source>Targets of the route&apos;s upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="83"/>
        <source>Health timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="123"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="141"/>
        <source>Route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="153"/>
        <source>The route&apos;s service sends to the host %1 directly: no upstream, no targets.</source>
        <translation>The route&apos;s service sends to the host %1 directly: no upstream, no targets.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="157"/>
        <source>Targets of the upstream %1</source>
        <translation>Targets of the upstream %1</translation>
    </message>
</context>
</TS>
