<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TimeCharts</name>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="76"/>
        <source>gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="77"/>
        <source>plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="78"/>
        <source>upstream connect</source>
        <translation>Upstream-Verbindungsaufbau</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="79"/>
        <source>upstream response</source>
        <translation>Upstream-Antwort</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="80"/>
        <source>transfer</source>
        <translation>Übertragung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="12"/>
        <source>Sluice Manager: configure Sluice gateways, watch their traffic and load-test their routes.</source>
        <translation>Sluice Manager: Sluice-Gateways konfigurieren, ihren Verkehr beobachten und ihre Routen lasttesten.</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="13"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="14"/>
        <source>Open connected to the gateway whose Admin API is at &lt;url&gt; (or SLUICE_ADMIN_URL).</source>
        <translation>Mit dem Gateway verbunden öffnen, dessen Admin-API unter &lt;url&gt; liegt (oder SLUICE_ADMIN_URL).</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="16"/>
        <source>The admin token for that gateway (or SLUICE_ADMIN_TOKEN).</source>
        <translation>Das Admin-Token für dieses Gateway (oder SLUICE_ADMIN_TOKEN).</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="18"/>
        <source>Do not verify the gateway&apos;s TLS certificate.</source>
        <translation>Das TLS-Zertifikat des Gateways nicht prüfen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="22"/>
        <source>The interface language: en, de or zh_CN (remembered).</source>
        <translation>Die Sprache der Oberfläche: en, de oder zh_CN (wird gemerkt).</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="39"/>
        <source>not an http(s) URL: %1</source>
        <translation>keine http(s)-URL: %1</translation>
    </message>
</context>
<context>
    <name>sluice::manager::ClusterView</name>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Data plane</source>
        <translation>Datenebene</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Configuration hash</source>
        <translation>Konfigurations-Hash</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="32"/>
        <source>%n data plane(s)</source>
        <translation>
            <numerusform>%n Datenebene</numerusform>
            <numerusform>%n Datenebenen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="33"/>
        <source>%1, %2 behind</source>
        <translation>%1, %2 im Rückstand</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="39"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="43"/>
        <source>This node is a data plane: its configuration comes from its control plane, and its Admin API is read-only. Connect to the control plane to see the cluster.</source>
        <translation>Dieser Knoten ist eine Datenebene: Seine Konfiguration kommt von seiner Steuerebene, seine Admin-API ist schreibgeschützt. Verbinden Sie sich mit der Steuerebene, um den Cluster zu sehen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="48"/>
        <source>This node is not a control plane (role: %1). Nodes sharing a PostgreSQL database follow each other without a list of their own.</source>
        <translation>Dieser Knoten ist keine Steuerebene (Rolle: %1). Knoten, die sich eine PostgreSQL-Datenbank teilen, folgen einander ohne eigene Liste.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="52"/>
        <source>Control plane — configuration hash %1 — %2</source>
        <translation>Steuerebene — Konfigurations-Hash %1 — %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>Behind</source>
        <translation>Im Rückstand</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="67"/>
        <source>%1 (disconnected)</source>
        <translation>%1 (getrennt)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="68"/>
        <source>Refused: version newer than the control plane</source>
        <translation>Abgewiesen: Version neuer als die Steuerebene</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::ConnectDialog</name>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="16"/>
        <source>Connect to a gateway</source>
        <translation>Mit einem Gateway verbinden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="19"/>
        <source>e.g. production</source>
        <translation>z. B. produktion</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="23"/>
        <source>only when the gateway has admin_tokens</source>
        <translation>nur wenn das Gateway admin_tokens hat</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="24"/>
        <source>Verify the gateway&apos;s TLS certificate</source>
        <translation>Das TLS-Zertifikat des Gateways prüfen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="27"/>
        <source>PEM file of a CA to trust (optional)</source>
        <translation>PEM-Datei einer vertrauenswürdigen CA (optional)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="31"/>
        <source>Saved:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="32"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="33"/>
        <source>Admin API URL:</source>
        <translation>Admin-API-URL:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="34"/>
        <source>Admin token:</source>
        <translation>Admin-Token:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="36"/>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="38"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="39"/>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="49"/>
        <source>Admin tokens are kept in the system keychain.</source>
        <translation>Admin-Tokens liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="50"/>
        <source>No system keychain here: admin tokens are kept for this session only.</source>
        <translation>Kein Schlüsselbund vorhanden: Admin-Tokens gelten nur für diese Sitzung.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="108"/>
        <source>The Admin API URL must start with http:// or https://.</source>
        <translation>Die Admin-API-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>sluice::manager::DashboardView</name>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="48"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="49"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="50"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="52"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="53"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="54"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="55"/>
        <source>Waiting for the first frame…</source>
        <translation>Warten auf den ersten Frame…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="58"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="64"/>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="64"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="65"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <source>2xx/3xx</source>
        <translation>2xx/3xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="67"/>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="68"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="72"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="75"/>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="83"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="86"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="83"/>
        <source>Where the time goes (mean per request)</source>
        <translation>Wohin die Zeit geht (Mittel je Anfrage)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="86"/>
        <source>Latency heatmap (requests per latency band)</source>
        <translation>Latenz-Heatmap (Anfragen je Latenzband)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>In plugins %</source>
        <translation>In Plugins %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="97"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="121"/>
        <source>Busiest routes this second (double-click opens the route)</source>
        <translation>Meistgenutzte Routen dieser Sekunde (Doppelklick öffnet die Route)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="127"/>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="131"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="197"/>
        <source>%1 req/s · p99 %2 ms · %3 connections · %4</source>
        <translation>%1 Anfr./s · p99 %2 ms · %3 Verbindungen · %4</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="201"/>
        <source>1 route active</source>
        <translation>1 Route aktiv</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="201"/>
        <source>%1 routes active</source>
        <translation>%1 Routen aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="241"/>
        <source>%1
%2 – %3 ms: %n request(s)</source>
        <translation>
            <numerusform>%1
%2 – %3 ms: %n Anfrage</numerusform>
            <numerusform>%1
%2 – %3 ms: %n Anfragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityEditor</name>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New entry in %1</source>
        <translation>Neuer Eintrag in %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New %1 plugin</source>
        <translation>Neues %1-Plugin</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="68"/>
        <source>Edit %1 %2</source>
        <translation>%1 %2 bearbeiten</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="140"/>
        <source>Some references do not exist.</source>
        <translation>Einige Verweise existieren nicht.</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="141"/>
        <source>unknown references</source>
        <translation>unbekannte Verweise</translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityListModel</name>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>sluice::manager::ExplainView</name>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="45"/>
        <source>https://api.example.com/orders/12</source>
        <translation>https://api.example.com/orders/12</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="47"/>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="52"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="54"/>
        <source>X-Version: 2; Content-Type: application/grpc</source>
        <translation>X-Version: 2; Content-Type: application/grpc</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="55"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="57"/>
        <source>Type a URL to see which route the gateway picks for it, and why.</source>
        <translation>Geben Sie eine URL ein, um zu sehen, welche Route das Gateway dafür wählt – und warum.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Matches on</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="63"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="105"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="110"/>
        <source>Type a URL first, e.g. %1</source>
        <translation>Geben Sie zuerst eine URL ein, z. B. %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="119"/>
        <source>Asking the gateway…</source>
        <translation>Frage das Gateway…</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="145"/>
        <source>Route “%1” takes it — position %2 of %3 in Kong&apos;s order. %4%5</source>
        <translation>Route „%1“ nimmt sie — Position %2 von %3 in Kongs Reihenfolge. %4%5</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="150"/>
        <source> (service “%1”)</source>
        <translation> (Service „%1“)</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="152"/>
        <source>No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:</source>
        <translation>
            <numerusform>Keine Route nimmt sie: Der Proxy antwortet 404. Die nächste von %n Route und was ihr fehlt:</numerusform>
            <numerusform>Keine Route nimmt sie: Der Proxy antwortet 404. Die nächsten von %n Routen und was jeder fehlt:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="163"/>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="169"/>
        <source>Matches, comes later</source>
        <translation>Passt, kommt später</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="174"/>
        <source>Tried first, fails</source>
        <translation>Zuerst geprüft, passt nicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="174"/>
        <source>Does not match</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="175"/>
        <source>fails on %1</source>
        <translation>scheitert an %1</translation>
    </message>
</context>
<context>
    <name>sluice::manager::FirstRunPanel</name>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="27"/>
        <source>&lt;h2&gt;This gateway has no services or routes yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Dieses Gateway hat noch keine Services oder Routen&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="28"/>
        <source>A &lt;b&gt;service&lt;/b&gt; is an API the gateway sends requests to; a &lt;b&gt;route&lt;/b&gt; says which requests go to it. Create one of each and send a request through the gateway to see it work.</source>
        <translation>Ein &lt;b&gt;Service&lt;/b&gt; ist eine API, an die das Gateway Anfragen sendet; eine &lt;b&gt;Route&lt;/b&gt; bestimmt, welche Anfragen dorthin gehen. Legen Sie je eins an und senden Sie eine Anfrage durch das Gateway, um es arbeiten zu sehen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="36"/>
        <source>http://127.0.0.1:8080 — the API behind the gateway</source>
        <translation>http://127.0.0.1:8080 — die API hinter dem Gateway</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="38"/>
        <source>1. Service name</source>
        <translation>1. Name des Service</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="39"/>
        <source>   Its URL</source>
        <translation>   Seine URL</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="40"/>
        <source>2. Route path</source>
        <translation>2. Pfad der Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="43"/>
        <source>3. Create them and send a request</source>
        <translation>3. Anlegen und eine Anfrage senden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="45"/>
        <source>Open the configuration</source>
        <translation>Zur Konfiguration</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="47"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="59"/>
        <source>The answer through the new route appears here.</source>
        <translation>Die Antwort über die neue Route erscheint hier.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="88"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="91"/>
        <source>The service needs a name and the URL of the API behind the gateway.</source>
        <translation>Der Service braucht einen Namen und die URL der API hinter dem Gateway.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="95"/>
        <source>Creating the service…</source>
        <translation>Service wird angelegt…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="98"/>
        <source>The service was not created: %1</source>
        <translation>Der Service wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="99"/>
        <source>Creating the route…</source>
        <translation>Route wird angelegt…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="104"/>
        <source>The route was not created: %1</source>
        <translation>Die Route wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="105"/>
        <source>Sending a request through the gateway…</source>
        <translation>Anfrage wird durch das Gateway gesendet…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="123"/>
        <source>The gateway&apos;s proxy did not answer at %1: %2</source>
        <translation>Der Proxy des Gateways antwortete nicht unter %1: %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="129"/>
        <source>It works: the gateway sent the request to the service and passed its answer back.</source>
        <translation>Es funktioniert: Das Gateway hat die Anfrage an den Service gesendet und seine Antwort zurückgegeben.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="130"/>
        <source>The gateway answered %1: the route works, and this is what the service (or the gateway) said.</source>
        <translation>Das Gateway antwortete %1: Die Route funktioniert, und dies hat der Service (oder das Gateway) geantwortet.</translation>
    </message>
</context>
<context>
    <name>sluice::manager::GatewayConnection</name>
    <message>
        <location filename="../manager_gui/api/gateway_connection.cpp" line="28"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>sluice::manager::ImportDialog</name>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="17"/>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="18"/>
        <source>Replace: delete what the file does not mention</source>
        <translation>Ersetzen: löschen, was die Datei nicht nennt</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="19"/>
        <source>Comparing the file with the gateway…</source>
        <translation>Datei wird mit dem Gateway verglichen…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Entity</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="26"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="47"/>
        <source>The gateway refused the file: %1</source>
        <translation>Das Gateway hat die Datei abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="73"/>
        <source>The gateway already has this configuration.</source>
        <translation>Das Gateway hat diese Konfiguration bereits.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="74"/>
        <source>%1 changes; %2 entities stay as they are.</source>
        <translation>%1 Änderungen; %2 Einträge bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestCharts</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="42"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="48"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="63"/>
        <source>second of the run</source>
        <translation>Sekunde des Laufs</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="43"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="58"/>
        <source>this run</source>
        <translation>dieser Lauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="44"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="45"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="59"/>
        <source>compared run</source>
        <translation>Vergleichslauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <source>Latency per second</source>
        <translation>Latenz pro Sekunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="55"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="62"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="52"/>
        <source>compared p99</source>
        <translation>p99 des Vergleichs</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>% of requests</source>
        <translation>% der Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="62"/>
        <source>The gateway&apos;s view of the same seconds (mean per request)</source>
        <translation>Sicht des Gateways auf dieselben Sekunden (Mittel pro Anfrage)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="65"/>
        <source>gateway (plugins included)</source>
        <translation>Gateway (mit Plugins)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="70"/>
        <source>upstream</source>
        <translation>Upstream</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestForm</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="42"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="43"/>
        <source>The gateway host</source>
        <translation>Der Gateway-Host</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="47"/>
        <source>— a URL (this computer only) —</source>
        <translation>— eine URL (nur dieser Computer) —</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="49"/>
        <source>the route&apos;s first path</source>
        <translation>der erste Pfad der Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="55"/>
        <source>Name: value, one per line</source>
        <translation>Name: Wert, einer pro Zeile</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="67"/>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="68"/>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="70"/>
        <source>e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)</source>
        <translation>z. B. 10s:50,30s:50,10s:0 (Verbindungen, oder /s für Raten)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="74"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="77"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="82"/>
        <source>Run from</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="83"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="84"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="85"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="86"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="87"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="88"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="89"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="90"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="91"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="92"/>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="93"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="94"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="95"/>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="96"/>
        <source>As consumer</source>
        <translation>Als Consumer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="97"/>
        <source>Thresholds</source>
        <translation>Schwellwerte</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="174"/>
        <source>From the gateway host, a load test targets one of its routes: pick one.</source>
        <translation>Vom Gateway-Host aus zielt ein Lasttest auf eine seiner Routen: bitte eine wählen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="226"/>
        <source>Duration: a time such as 30s or 2m.</source>
        <translation>Dauer: eine Zeit wie 30s oder 2m.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="230"/>
        <source>Timeout: a time such as 2s.</source>
        <translation>Timeout: eine Zeit wie 2s.</translation>
    </message>
    <message>
        <source>That consumer has no key-auth credential.</source>
        <translation type="vanished">Dieser Consumer hat keine Key-Auth-Zugangsdaten.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="300"/>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="300"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="302"/>
        <source>from the gateway host</source>
        <translation>vom Gateway-Host</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="302"/>
        <source>from this computer</source>
        <translation>von diesem Computer</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestView</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="44"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="46"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="48"/>
        <source>Save run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="49"/>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="50"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="51"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="53"/>
        <source>Pick a route (or a URL), set the load, and run.</source>
        <translation>Route (oder URL) wählen, Last einstellen und starten.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="70"/>
        <source>Compare with a saved run:</source>
        <translation>Mit gespeichertem Lauf vergleichen:</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>This run</source>
        <translation>Dieser Lauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Compared run</source>
        <translation>Vergleichslauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="73"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="74"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="74"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="82"/>
        <source>Percentiles and distribution</source>
        <translation>Perzentile und Verteilung</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="83"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="88"/>
        <source>The gateway&apos;s view</source>
        <translation>Sicht des Gateways</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="111"/>
        <source>Nothing to save yet, or the run could not be written.</source>
        <translation>Noch nichts zu speichern, oder der Lauf konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="111"/>
        <source>Saved in %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="114"/>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="118"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="122"/>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="141"/>
        <source>Not connected to a gateway.</source>
        <translation>Mit keinem Gateway verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="178"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="184"/>
        <source>The load test failed: %1</source>
        <translation>Der Lasttest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="200"/>
        <source>Running: %1 — second %2: %3 requests, p99 %4 ms</source>
        <translation>Läuft: %1 — Sekunde %2: %3 Anfragen, p99 %4 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="216"/>
        <source>failed its thresholds</source>
        <translation>Schwellwerte verfehlt</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="217"/>
        <source>%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7</source>
        <translation>%1 — %2 Anfragen in %3 s, %4 Anfr./s, p99 %5 ms, %6 Fehler: %7</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="255"/>
        <source>Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</source>
        <translation>
            <numerusform>In dieser %n Sekunde brauchte das Gateway im Mittel selbst %1 ms pro Anfrage (mit Plugins) und wartete %2 ms auf das erste Byte des Upstreams.</numerusform>
            <numerusform>In diesen %n Sekunden brauchte das Gateway im Mittel selbst %1 ms pro Anfrage (mit Plugins) und wartete %2 ms auf das erste Byte des Upstreams.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="273"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="274"/>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="275"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="304"/>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="305"/>
        <source>not sent (every connection busy)</source>
        <translation>nicht gesendet (alle Verbindungen belegt)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="334"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>sluice::manager::MainWindow</name>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="58"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="59"/>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="60"/>
        <source>Consumers</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="61"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="62"/>
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="63"/>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="64"/>
        <source>SNIs</source>
        <translation>SNIs</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="65"/>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="66"/>
        <source>Key-auth credentials</source>
        <translation>Key-Auth-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="67"/>
        <source>Basic-auth credentials</source>
        <translation>Basic-Auth-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="68"/>
        <source>JWT credentials</source>
        <translation>JWT-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="69"/>
        <source>HMAC credentials</source>
        <translation>HMAC-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="70"/>
        <source>OAuth 2.0 applications</source>
        <translation>OAuth-2.0-Anwendungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="71"/>
        <source>OAuth 2.0 tokens</source>
        <translation>OAuth-2.0-Tokens</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="72"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="73"/>
        <source>ACL groups</source>
        <translation>ACL-Gruppen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="119"/>
        <source>Sluice Manager</source>
        <translation>Sluice Manager</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="125"/>
        <source>Filter the loaded rows by name</source>
        <translation>Geladene Zeilen nach Namen filtern</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="128"/>
        <source>Tags: a,b (all) or a/b (any)</source>
        <translation>Tags: a,b (alle) oder a/b (eines)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="168"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="169"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="170"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="189"/>
        <location filename="../manager_gui/views/main_window.cpp" line="322"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="195"/>
        <location filename="../manager_gui/views/main_window.cpp" line="323"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="197"/>
        <location filename="../manager_gui/views/main_window.cpp" line="324"/>
        <source>Troubleshooting</source>
        <translation>Fehlersuche</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="199"/>
        <source>Why this route?</source>
        <translation>Warum diese Route?</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="204"/>
        <location filename="../manager_gui/views/main_window.cpp" line="255"/>
        <location filename="../manager_gui/views/main_window.cpp" line="325"/>
        <source>Load test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="206"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="235"/>
        <source>%1 loaded, more as you scroll</source>
        <translation>%1 geladen, mehr beim Scrollen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="236"/>
        <source>1 entity</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="236"/>
        <source>%1 entities</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="239"/>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="241"/>
        <source>Entities</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="250"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="251"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="252"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="253"/>
        <location filename="../manager_gui/views/main_window.cpp" line="438"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="254"/>
        <source>Troubleshoot</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="257"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="285"/>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="286"/>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="292"/>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="294"/>
        <source>Export configuration…</source>
        <translation>Konfiguration exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="298"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="301"/>
        <source>Export configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="301"/>
        <source>Declarative configuration (*.yml *.yaml)</source>
        <translation>Deklarative Konfiguration (*.yml *.yaml)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="305"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="307"/>
        <source>Configuration exported to %1</source>
        <translation>Konfiguration nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="310"/>
        <source>Import configuration…</source>
        <translation>Konfiguration importieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="312"/>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="312"/>
        <source>Declarative configuration (*.yml *.yaml *.json)</source>
        <translation>Deklarative Konfiguration (*.yml *.yaml *.json)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="321"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="327"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="328"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="334"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="386"/>
        <source>New plugin</source>
        <translation>Neues Plugin</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="386"/>
        <source>Plugin:</source>
        <translation>Plugin:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="438"/>
        <source>Delete %1 from %2?</source>
        <translation>%1 aus %2 löschen?</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="443"/>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="507"/>
        <source>Select a route first.</source>
        <translation>Bitte zuerst eine Route wählen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="583"/>
        <source>● Unreachable</source>
        <translation>● Nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="586"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="593"/>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="596"/>
        <source>%1 — Sluice %2 (Kong API %3)</source>
        <translation>%1 — Sluice %2 (Kong-API %3)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="597"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="597"/>
        <source>Database: %1 (unreachable)</source>
        <translation>Datenbank: %1 (nicht erreichbar)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="598"/>
        <source>Configuration v%1</source>
        <translation>Konfiguration v%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="600"/>
        <source>Control plane: %1</source>
        <translation>Steuerebene: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="601"/>
        <source>Data plane</source>
        <translation>Datenebene</translation>
    </message>
</context>
<context>
    <name>sluice::manager::SchemaForm</name>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="197"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="212"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="223"/>
        <source>one &quot;key: value&quot; per line</source>
        <translation>ein „Schlüssel: Wert“ je Zeile</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="229"/>
        <source>id or name (%1)</source>
        <translation>ID oder Name (%1)</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="237"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>sluice::manager::TraceWaterfall</name>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="29"/>
        <source>parse and route</source>
        <translation>Parsen und Routen</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="34"/>
        <source>upstream connect</source>
        <translation>Upstream-Verbindungsaufbau</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="35"/>
        <source>upstream response</source>
        <translation>Upstream-Antwort</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="36"/>
        <source>transfer to the client</source>
        <translation>Übertragung zum Client</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="37"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="59"/>
        <source>Select a trace to see where its time went.</source>
        <translation>Wählen Sie einen Trace, um zu sehen, wo seine Zeit blieb.</translation>
    </message>
</context>
<context>
    <name>sluice::manager::TroubleshootView</name>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="33"/>
        <source>Pick a route: from the Configuration tab (Troubleshoot) or the dashboard.</source>
        <translation>Wählen Sie eine Route: im Reiter Konfiguration (Analysieren) oder im Dashboard.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="34"/>
        <source>Open the route</source>
        <translation>Route öffnen</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="35"/>
        <source>Refresh traces</source>
        <translation>Traces aktualisieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="36"/>
        <source>Explain the selected request</source>
        <translation>Gewählte Anfrage erklären</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="37"/>
        <source>Ask the router again which route takes this trace&apos;s request, and why</source>
        <translation>Den Router erneut fragen, welche Route die Anfrage dieses Traces nimmt – und warum</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>Where this route&apos;s time goes, per second</source>
        <translation>Wohin die Zeit dieser Route geht, je Sekunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>ms of request time</source>
        <translation>ms Anfragezeit</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Gateway ms</source>
        <translation>Gateway ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Upstream ms</source>
        <translation>Upstream ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p50 ms</source>
        <translation>Antwort p50 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p99 ms</source>
        <translation>Antwort p99 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="64"/>
        <source>Each target&apos;s health over time: green healthy, red unhealthy, grey without health checks. Hover for the reason of a change.</source>
        <translation>Die Gesundheit jedes Targets im Zeitverlauf: grün gesund, rot ungesund, grau ohne Health-Checks. Mit der Maus zeigen für den Grund eines Wechsels.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="66"/>
        <source>last 5 minutes</source>
        <translation>letzte 5 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="67"/>
        <source>last 15 minutes</source>
        <translation>letzte 15 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="68"/>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="78"/>
        <source>Slowest requests of each minute, and the ones asked for with X-Sluice-Trace: 1 (double-click a plugin row to open the plugin)</source>
        <translation>Langsamste Anfragen jeder Minute und die mit X-Sluice-Trace: 1 angeforderten (Doppelklick auf eine Plugin-Zeile öffnet das Plugin)</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="80"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="129"/>
        <source>Targets of the route&apos;s upstream</source>
        <translation>Ziele des Upstreams der Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="83"/>
        <source>Health timeline:</source>
        <translation>Gesundheitsverlauf:</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="123"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="141"/>
        <source>Route %1</source>
        <translation>Route %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="153"/>
        <source>The route&apos;s service sends to the host %1 directly: no upstream, no targets.</source>
        <translation>Der Service dieser Route sendet direkt an den Host %1: kein Upstream, keine Targets.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="157"/>
        <source>Targets of the upstream %1</source>
        <translation>Targets des Upstreams %1</translation>
    </message>
</context>
</TS>
