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
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="48"/>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="49"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="50"/>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="52"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="53"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="54"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="55"/>
        <source>Waiting for the first frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="58"/>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="64"/>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="64"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="65"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <source>2xx/3xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="67"/>
        <source>4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="68"/>
        <source>5xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="72"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="75"/>
        <source>connections</source>
        <translation>connections</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <source>Latency percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="83"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="86"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="83"/>
        <source>Where the time goes (mean per request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="86"/>
        <source>Latency heatmap (requests per latency band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>In plugins %</source>
        <translation>In plugins %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="121"/>
        <source>Busiest routes this second (double-click opens the route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="127"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="131"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="197"/>
        <source>%1 req/s · p99 %2 ms · %3 connections · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="201"/>
        <source>1 route active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="201"/>
        <source>%1 routes active</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="241"/>
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
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="45"/>
        <source>https://api.example.com/orders/12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="47"/>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="52"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="54"/>
        <source>X-Version: 2; Content-Type: application/grpc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="55"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="57"/>
        <source>Type a URL to see which route the gateway picks for it, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Matches on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="105"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="110"/>
        <source>Type a URL first, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="119"/>
        <source>Asking the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="145"/>
        <source>Route “%1” takes it — position %2 of %3 in Kong&apos;s order. %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="150"/>
        <source> (service “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="152"/>
        <source>No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="163"/>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="169"/>
        <source>Matches, comes later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="174"/>
        <source>Tried first, fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="174"/>
        <source>Does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="175"/>
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
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="42"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="48"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="63"/>
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
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="62"/>
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
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="62"/>
        <source>The gateway&apos;s view of the same seconds (mean per request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="65"/>
        <source>gateway (plugins included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="70"/>
        <source>upstream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestForm</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="42"/>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="43"/>
        <source>The gateway host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="47"/>
        <source>— a URL (this computer only) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="49"/>
        <source>the route&apos;s first path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="55"/>
        <source>Name: value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="67"/>
        <source>as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="68"/>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="70"/>
        <source>e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="74"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="77"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="82"/>
        <source>Run from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="83"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="84"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="85"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="86"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="87"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="88"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="89"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="90"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="91"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="92"/>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="93"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="94"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="95"/>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="96"/>
        <source>As consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="97"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="174"/>
        <source>From the gateway host, a load test targets one of its routes: pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="226"/>
        <source>Duration: a time such as 30s or 2m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="230"/>
        <source>Timeout: a time such as 2s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="300"/>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="300"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="302"/>
        <source>from the gateway host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="302"/>
        <source>from this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestView</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="44"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="46"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="48"/>
        <source>Save run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="49"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="50"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="51"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="53"/>
        <source>Pick a route (or a URL), set the load, and run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="70"/>
        <source>Compare with a saved run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>This run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Compared run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="74"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="74"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="82"/>
        <source>Percentiles and distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="83"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="88"/>
        <source>The gateway&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="111"/>
        <source>Nothing to save yet, or the run could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="111"/>
        <source>Saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="114"/>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="118"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="122"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="141"/>
        <source>Not connected to a gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="178"/>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="184"/>
        <source>The load test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="200"/>
        <source>Running: %1 — second %2: %3 requests, p99 %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>failed its thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="217"/>
        <source>%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="255"/>
        <source>Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</source>
        <translation>
            <numerusform>Over this %n second the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</numerusform>
            <numerusform>Over these %n seconds the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="273"/>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="274"/>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="275"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="304"/>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="305"/>
        <source>not sent (every connection busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="334"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::manager::MainWindow</name>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="58"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="59"/>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="60"/>
        <source>Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="61"/>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="62"/>
        <source>Upstreams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="63"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="64"/>
        <source>SNIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="65"/>
        <source>CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="66"/>
        <source>Key-auth credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="67"/>
        <source>Basic-auth credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="68"/>
        <source>JWT credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="69"/>
        <source>HMAC credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="70"/>
        <source>OAuth 2.0 applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="71"/>
        <source>OAuth 2.0 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="72"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="73"/>
        <source>ACL groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="119"/>
        <source>Sluice Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="125"/>
        <source>Filter the loaded rows by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="128"/>
        <source>Tags: a,b (all) or a/b (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="168"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="169"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="170"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="189"/>
        <location filename="../manager_gui/views/main_window.cpp" line="322"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="195"/>
        <location filename="../manager_gui/views/main_window.cpp" line="323"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="197"/>
        <location filename="../manager_gui/views/main_window.cpp" line="324"/>
        <source>Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="199"/>
        <source>Why this route?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="204"/>
        <location filename="../manager_gui/views/main_window.cpp" line="255"/>
        <location filename="../manager_gui/views/main_window.cpp" line="325"/>
        <source>Load test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="206"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="235"/>
        <source>%1 loaded, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="236"/>
        <source>1 entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="236"/>
        <source>%1 entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="239"/>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="241"/>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="250"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="251"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="252"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="253"/>
        <location filename="../manager_gui/views/main_window.cpp" line="438"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="254"/>
        <source>Troubleshoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="257"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="285"/>
        <source>&amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="286"/>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="292"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="294"/>
        <source>Export configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="298"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="301"/>
        <source>Export configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="301"/>
        <source>Declarative configuration (*.yml *.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="305"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="307"/>
        <source>Configuration exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="310"/>
        <source>Import configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="312"/>
        <source>Import configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="312"/>
        <source>Declarative configuration (*.yml *.yaml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="321"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="327"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="334"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>The language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="386"/>
        <source>New plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="386"/>
        <source>Plugin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="438"/>
        <source>Delete %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="443"/>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="507"/>
        <source>Select a route first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="583"/>
        <source>● Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="586"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="593"/>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="596"/>
        <source>%1 — Sluice %2 (Kong API %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="597"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="597"/>
        <source>Database: %1 (unreachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="598"/>
        <source>Configuration v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="600"/>
        <source>Control plane: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="601"/>
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
