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
    <name>sluice::manager::AlertsView</name>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="40"/>
        <source>Alerts are evaluated on the gateway once a second.</source>
        <translation>Alarme werden auf dem Gateway einmal pro Sekunde ausgewertet.</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="42"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="43"/>
        <source>Manage rules…</source>
        <translation>Regeln verwalten…</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="44"/>
        <source>The alert rules are the sluice_alert_rules entity: p99 or 5xx share of a route, a service or the node, an unhealthy target, a certificate about to expire</source>
        <translation>Die Alarmregeln sind die Entität sluice_alert_rules: p99 oder 5xx-Anteil einer Route, eines Dienstes oder des Knotens, ein ungesundes Ziel, ein bald ablaufendes Zertifikat</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="54"/>
        <source>Firing now</source>
        <translation>Jetzt ausgelöst</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="60"/>
        <source>History (newest first)</source>
        <translation>Verlauf (neueste zuerst)</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>No alert is firing.</source>
        <translation>Kein Alarm ausgelöst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>%n alert(s) firing.</source>
        <translation>
            <numerusform>%n Alarm ausgelöst.</numerusform>
            <numerusform>%n Alarme ausgelöst.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>resolved</source>
        <translation>behoben</translation>
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
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="50"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="51"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="52"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="54"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="55"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="56"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="57"/>
        <source>Waiting for the first frame…</source>
        <translation>Warten auf den ersten Frame…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="60"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="67"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="68"/>
        <source>2xx/3xx</source>
        <translation>2xx/3xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="69"/>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="70"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="74"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="77"/>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <source>Where the time goes (mean per request)</source>
        <translation>Wohin die Zeit geht (Mittel je Anfrage)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>Latency heatmap (requests per latency band)</source>
        <translation>Latenz-Heatmap (Anfragen je Latenzband)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>In plugins %</source>
        <translation>In Plugins %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="123"/>
        <source>Busiest routes this second (double-click opens the route)</source>
        <translation>Meistgenutzte Routen dieser Sekunde (Doppelklick öffnet die Route)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="129"/>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="133"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="188"/>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="189"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="190"/>
        <source>updated</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="195"/>
        <source>(no token)</source>
        <translation>(ohne Token)</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="197"/>
        <source>Configuration version %1 — %2 by %3
%4</source>
        <translation>Konfigurationsversion %1 — %2 von %3
%4</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="205"/>
        <source>… and more</source>
        <translation>… und mehr</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="268"/>
        <source>%1 req/s · p99 %2 ms · %3 connections · %4</source>
        <translation>%1 Anfr./s · p99 %2 ms · %3 Verbindungen · %4</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>1 route active</source>
        <translation>1 Route aktiv</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>%1 routes active</source>
        <translation>%1 Routen aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="312"/>
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
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="42"/>
        <source>https://api.example.com/orders/12</source>
        <translation>https://api.example.com/orders/12</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="44"/>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="49"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="51"/>
        <source>X-Version: 2; Content-Type: application/grpc</source>
        <translation>X-Version: 2; Content-Type: application/grpc</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="52"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="54"/>
        <source>Type a URL to see which route the gateway picks for it, and why.</source>
        <translation>Geben Sie eine URL ein, um zu sehen, welche Route das Gateway dafür wählt – und warum.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Matches on</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="102"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="107"/>
        <source>Type a URL first, e.g. %1</source>
        <translation>Geben Sie zuerst eine URL ein, z. B. %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="116"/>
        <source>Asking the gateway…</source>
        <translation>Frage das Gateway…</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="142"/>
        <source>Route “%1” takes it — position %2 of %3 in Kong&apos;s order. %4%5</source>
        <translation>Route „%1“ nimmt sie — Position %2 von %3 in Kongs Reihenfolge. %4%5</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="147"/>
        <source> (service “%1”)</source>
        <translation> (Service „%1“)</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="149"/>
        <source>No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:</source>
        <translation>
            <numerusform>Keine Route nimmt sie: Der Proxy antwortet 404. Die nächste von %n Route und was ihr fehlt:</numerusform>
            <numerusform>Keine Route nimmt sie: Der Proxy antwortet 404. Die nächsten von %n Routen und was jeder fehlt:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="160"/>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="166"/>
        <source>Matches, comes later</source>
        <translation>Passt, kommt später</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Tried first, fails</source>
        <translation>Zuerst geprüft, passt nicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Does not match</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="172"/>
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
    <name>sluice::manager::HistoryView</name>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="30"/>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="31"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="32"/>
        <source>updated</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="52"/>
        <source>All entities</source>
        <translation>Alle Entitäten</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="54"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="55"/>
        <source>Load older</source>
        <translation>Ältere laden</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="57"/>
        <source>Revert this change…</source>
        <translation>Diese Änderung zurücknehmen…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="58"/>
        <source>Restore this version…</source>
        <translation>Diese Version wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="59"/>
        <source>Undo the selected change where its entity is still as the change left it</source>
        <translation>Die gewählte Änderung rückgängig machen, sofern ihre Entität noch so ist, wie die Änderung sie hinterließ</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="60"/>
        <source>Return the whole configuration to what it was right after the selected change</source>
        <translation>Die ganze Konfiguration auf den Stand direkt nach der gewählten Änderung zurücksetzen</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="63"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="71"/>
        <source>Every change to the configuration, newest first.</source>
        <translation>Jede Änderung der Konfiguration, neueste zuerst.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="86"/>
        <source>Select a change to see what it changed.</source>
        <translation>Eine Änderung wählen, um zu sehen, was sie änderte.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="94"/>
        <source>The gateway computed what this would change. Apply it?</source>
        <translation>Das Gateway hat berechnet, was sich ändern würde. Anwenden?</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="132"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="154"/>
        <location filename="../manager_gui/history/history_view.cpp" line="190"/>
        <source>(no token)</source>
        <translation>(ohne Token)</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="159"/>
        <source>Taken along by the change of %1</source>
        <translation>Mitgenommen von der Änderung an %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="165"/>
        <source>No change recorded yet.</source>
        <translation>Noch keine Änderung aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="166"/>
        <source>Versions %1 to %2 kept (the last %3). Select a change to see its diff.</source>
        <translation>Versionen %1 bis %2 aufbewahrt (die letzten %3). Eine Änderung wählen, um ihren Unterschied zu sehen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="189"/>
        <source>version %1, by %2</source>
        <translation>Version %1, von %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="202"/>
        <source>No field changed but its timestamps.</source>
        <translation>Außer den Zeitstempeln hat sich kein Feld geändert.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="216"/>
        <source>Nothing would change: the configuration is already so.</source>
        <translation>Nichts würde sich ändern: Die Konfiguration ist schon so.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="224"/>
        <source>Revert change %1 (%2 %3 “%4”)?</source>
        <translation>Änderung %1 zurücknehmen (%2 %3 „%4“)?</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="232"/>
        <source>Restore the whole configuration to version %1?</source>
        <translation>Die ganze Konfiguration auf Version %1 zurücksetzen?</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="240"/>
        <source>Asking the gateway what this would change…</source>
        <translation>Das Gateway wird gefragt, was sich ändern würde…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="251"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="264"/>
        <source>Applied as version %1.</source>
        <translation>Als Version %1 angewendet.</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="265"/>
        <source>Nothing changed: the configuration was already so.</source>
        <translation>Nichts geändert: Die Konfiguration war schon so.</translation>
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
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="42"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="48"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="82"/>
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
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
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
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>Capacity: each step against the offered rate</source>
        <translation>Kapazität: jede Stufe über der angebotenen Rate</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="65"/>
        <source>offered rate (req/s)</source>
        <translation>angebotene Rate (Anfr./s)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="66"/>
        <source>offered</source>
        <translation>angeboten</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="67"/>
        <source>achieved</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="70"/>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="74"/>
        <source>missed a limit</source>
        <translation>Grenze verfehlt</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="78"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
        <source>The gateway&apos;s view of the same seconds (mean per request)</source>
        <translation>Sicht des Gateways auf dieselben Sekunden (Mittel pro Anfrage)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="84"/>
        <source>gateway (plugins included)</source>
        <translation>Gateway (mit Plugins)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="89"/>
        <source>upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="158"/>
        <source>knee %1 req/s </source>
        <translation>Knie %1 Anfr./s </translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestForm</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="45"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="46"/>
        <source>The gateway host</source>
        <translation>Der Gateway-Host</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="50"/>
        <source>— a URL (this computer only) —</source>
        <translation>— eine URL (nur dieser Computer) —</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="52"/>
        <source>the route&apos;s first path</source>
        <translation>der erste Pfad der Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="58"/>
        <source>Name: value, one per line</source>
        <translation>Name: Wert, einer pro Zeile</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="70"/>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="71"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="116"/>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="73"/>
        <source>e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)</source>
        <translation>z. B. 10s:50,30s:50,10s:0 (Verbindungen, oder /s für Raten)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="77"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="123"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="80"/>
        <source>none; e.g. 500ms, or 1s-3s for a pause drawn between the two</source>
        <translation>keine; z. B. 500ms, oder 1s-3s für eine Pause zufällig dazwischen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="81"/>
        <source>Closed loop (no rate): each connection pauses this long after an answer before its next request</source>
        <translation>Geschlossene Schleife (ohne Rate): Jede Verbindung pausiert so lange nach einer Antwort vor ihrer nächsten Anfrage</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="83"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="88"/>
        <source>Run from</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="89"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="90"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="91"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="92"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="93"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="94"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="95"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="96"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="97"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="98"/>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="99"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="100"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="101"/>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="102"/>
        <source>Think time</source>
        <translation>Denkzeit</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="103"/>
        <source>As consumer</source>
        <translation>Als Consumer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="104"/>
        <source>Thresholds</source>
        <translation>Schwellwerte</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="107"/>
        <source>Find the capacity (rate steps)</source>
        <translation>Kapazität finden (Ratenstufen)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="110"/>
        <source>Steps of rising rate until p99, errors or throughput miss their limit; the result is the knee: the highest rate that met them all. Rate, stages and duration are the search&apos;s to set.</source>
        <translation>Stufen steigender Rate, bis p99, Fehler oder Durchsatz ihre Grenze verfehlen; das Ergebnis ist das Knie: die höchste Rate, die alle einhielt. Rate, Stufen und Dauer setzt die Suche.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="129"/>
        <source>none; e.g. 50ms</source>
        <translation>keine; z. B. 50ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="136"/>
        <source>Start rate</source>
        <translation>Startrate</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="137"/>
        <source>Step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="138"/>
        <source>Step duration</source>
        <translation>Stufendauer</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="139"/>
        <source>Highest rate</source>
        <translation>Höchste Rate</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="140"/>
        <source>Most steps</source>
        <translation>Höchstens Stufen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="141"/>
        <source>p99 limit</source>
        <translation>p99-Grenze</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="142"/>
        <source>Error limit</source>
        <translation>Fehlergrenze</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="223"/>
        <source>From the gateway host, a load test targets one of its routes: pick one.</source>
        <translation>Vom Gateway-Host aus zielt ein Lasttest auf eine seiner Routen: bitte eine wählen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="287"/>
        <source>Duration: a time such as 30s or 2m.</source>
        <translation>Dauer: eine Zeit wie 30s oder 2m.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="291"/>
        <source>Timeout: a time such as 2s.</source>
        <translation>Timeout: eine Zeit wie 2s.</translation>
    </message>
    <message>
        <source>That consumer has no key-auth credential.</source>
        <translation type="vanished">Dieser Consumer hat keine Key-Auth-Zugangsdaten.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from the gateway host</source>
        <translation>vom Gateway-Host</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="299"/>
        <source>Think time: a time such as 500ms, or a range such as 1s-3s.</source>
        <translation>Denkzeit: eine Zeit wie 500ms oder ein Bereich wie 1s-3s.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="378"/>
        <source>Step duration: a time such as 10s.</source>
        <translation>Stufendauer: eine Zeit wie 10s.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="385"/>
        <source>p99 limit: a time such as 50ms.</source>
        <translation>p99-Grenze: eine Zeit wie 50ms.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="401"/>
        <source>capacity search from %1 req/s by %2</source>
        <translation>Kapazitätssuche ab %1 Anfr./s in Schritten von %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from this computer</source>
        <translation>von diesem Computer</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestView</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="36"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="38"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="40"/>
        <source>Save run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="41"/>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="42"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="43"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="45"/>
        <source>Pick a route (or a URL), set the load, and run.</source>
        <translation>Route (oder URL) wählen, Last einstellen und starten.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="62"/>
        <source>Compare with a saved run:</source>
        <translation>Mit gespeichertem Lauf vergleichen:</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>This run</source>
        <translation>Dieser Lauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Compared run</source>
        <translation>Vergleichslauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="75"/>
        <source>Percentiles and distribution</source>
        <translation>Perzentile und Verteilung</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="76"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="81"/>
        <source>The gateway&apos;s view</source>
        <translation>Sicht des Gateways</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="85"/>
        <source>Tick “Find the capacity” in the form to search for the highest rate that meets your limits.</source>
        <translation>„Kapazität finden“ im Formular ankreuzen, um die höchste Rate zu suchen, die Ihre Grenzen einhält.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="89"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Nothing to save yet, or the run could not be written.</source>
        <translation>Noch nichts zu speichern, oder der Lauf konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Saved in %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="115"/>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="119"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="123"/>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="142"/>
        <source>Not connected to a gateway.</source>
        <translation>Mit keinem Gateway verbunden.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="190"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="197"/>
        <source>The load test failed: %1</source>
        <translation>Der Lasttest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="213"/>
        <source>Running: %1 — second %2: %3 requests, p99 %4 ms</source>
        <translation>Läuft: %1 — Sekunde %2: %3 Anfragen, p99 %4 ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>failed its thresholds</source>
        <translation>Schwellwerte verfehlt</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="238"/>
        <source>%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7</source>
        <translation>%1 — %2 Anfragen in %3 s, %4 Anfr./s, p99 %5 ms, %6 Fehler: %7</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="260"/>
        <source>Step %1: %2 req/s offered, %3 achieved, p99 %4 ms%5</source>
        <translation>Stufe %1: %2 Anfr./s angeboten, %3 erreicht, p99 %4 ms%5</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="272"/>
        <source>Knee: %1 req/s — the highest rate that met every limit.</source>
        <translation>Knie: %1 Anfr./s — die höchste Rate, die jede Grenze einhielt.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="273"/>
        <source>No step met the limits: the first rate is already too much.</source>
        <translation>Keine Stufe hielt die Grenzen ein: Schon die erste Rate ist zu viel.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="274"/>
        <source>Stopped because: %1.</source>
        <translation>Beendet, weil: %1.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="276"/>
        <source>Warning: the load generator itself was the bottleneck — past that step the figures are the tool&apos;s limit, not the gateway&apos;s. Run it from another machine or with more threads.</source>
        <translation>Warnung: Der Lastgenerator selbst war der Engpass — ab dieser Stufe zeigen die Zahlen die Grenze des Werkzeugs, nicht die des Gateways. Von einem anderen Rechner oder mit mehr Threads ausführen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="278"/>
        <source>(cancelled)</source>
        <translation>(abgebrochen)</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="310"/>
        <source>Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</source>
        <translation>
            <numerusform>In dieser %n Sekunde brauchte das Gateway im Mittel selbst %1 ms pro Anfrage (mit Plugins) und wartete %2 ms auf das erste Byte des Upstreams.</numerusform>
            <numerusform>In diesen %n Sekunden brauchte das Gateway im Mittel selbst %1 ms pro Anfrage (mit Plugins) und wartete %2 ms auf das erste Byte des Upstreams.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="328"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="329"/>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="330"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="359"/>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="360"/>
        <source>not sent (every connection busy)</source>
        <translation>nicht gesendet (alle Verbindungen belegt)</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="389"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>sluice::manager::MainWindow</name>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="59"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="60"/>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="61"/>
        <source>Consumers</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="62"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="63"/>
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="64"/>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="65"/>
        <source>SNIs</source>
        <translation>SNIs</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="66"/>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="67"/>
        <source>Key-auth credentials</source>
        <translation>Key-Auth-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="68"/>
        <source>Basic-auth credentials</source>
        <translation>Basic-Auth-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="69"/>
        <source>JWT credentials</source>
        <translation>JWT-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="70"/>
        <source>HMAC credentials</source>
        <translation>HMAC-Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="71"/>
        <source>OAuth 2.0 applications</source>
        <translation>OAuth-2.0-Anwendungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="72"/>
        <source>OAuth 2.0 tokens</source>
        <translation>OAuth-2.0-Tokens</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="73"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="74"/>
        <source>ACL groups</source>
        <translation>ACL-Gruppen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="75"/>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="122"/>
        <location filename="../manager_gui/views/main_window.cpp" line="252"/>
        <source>Sluice Manager</source>
        <translation>Sluice Manager</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="128"/>
        <source>Filter the loaded rows by name</source>
        <translation>Geladene Zeilen nach Namen filtern</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="131"/>
        <source>Tags: a,b (all) or a/b (any)</source>
        <translation>Tags: a,b (alle) oder a/b (eines)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="171"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="172"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="173"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="192"/>
        <location filename="../manager_gui/views/main_window.cpp" line="359"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="198"/>
        <location filename="../manager_gui/views/main_window.cpp" line="360"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="200"/>
        <location filename="../manager_gui/views/main_window.cpp" line="361"/>
        <source>Troubleshooting</source>
        <translation>Fehlersuche</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="202"/>
        <source>Why this route?</source>
        <translation>Warum diese Route?</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="207"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="209"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="223"/>
        <location filename="../manager_gui/views/main_window.cpp" line="292"/>
        <location filename="../manager_gui/views/main_window.cpp" line="362"/>
        <source>Load test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="225"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>No alerts</source>
        <translation>Keine Alarme</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>⚠ %n alert(s) firing</source>
        <translation>
            <numerusform>⚠ %n Alarm ausgelöst</numerusform>
            <numerusform>⚠ %n Alarme ausgelöst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="260"/>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="272"/>
        <source>%1 loaded, more as you scroll</source>
        <translation>%1 geladen, mehr beim Scrollen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>1 entity</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>%1 entities</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="276"/>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="278"/>
        <source>Entities</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="287"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="288"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="289"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="290"/>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="291"/>
        <source>Troubleshoot</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="294"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="322"/>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="323"/>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="329"/>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="331"/>
        <source>Export configuration…</source>
        <translation>Konfiguration exportieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="335"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Export configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Declarative configuration (*.yml *.yaml)</source>
        <translation>Deklarative Konfiguration (*.yml *.yaml)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="342"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="344"/>
        <source>Configuration exported to %1</source>
        <translation>Konfiguration nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="347"/>
        <source>Import configuration…</source>
        <translation>Konfiguration importieren…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Declarative configuration (*.yml *.yaml *.json)</source>
        <translation>Deklarative Konfiguration (*.yml *.yaml *.json)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="358"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="364"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="371"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="375"/>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>New plugin</source>
        <translation>Neues Plugin</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>Plugin:</source>
        <translation>Plugin:</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete %1 from %2?</source>
        <translation>%1 aus %2 löschen?</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="480"/>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="544"/>
        <source>Select a route first.</source>
        <translation>Bitte zuerst eine Route wählen.</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="626"/>
        <source>● Unreachable</source>
        <translation>● Nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="629"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="636"/>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="639"/>
        <source>%1 — Sluice %2 (Kong API %3)</source>
        <translation>%1 — Sluice %2 (Kong-API %3)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1 (unreachable)</source>
        <translation>Datenbank: %1 (nicht erreichbar)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="641"/>
        <source>Configuration v%1</source>
        <translation>Konfiguration v%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="643"/>
        <source>Control plane: %1</source>
        <translation>Steuerebene: %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="644"/>
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
