<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TimeCharts</name>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="76"/>
        <source>gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="77"/>
        <source>plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="78"/>
        <source>upstream connect</source>
        <translation>上游连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="79"/>
        <source>upstream response</source>
        <translation>上游响应</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/time_charts.cpp" line="80"/>
        <source>transfer</source>
        <translation>传输</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="12"/>
        <source>Sluice Manager: configure Sluice gateways, watch their traffic and load-test their routes.</source>
        <translation>Sluice 管理器：配置 Sluice 网关、观察其流量并对其路由进行压测。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="13"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="14"/>
        <source>Open connected to the gateway whose Admin API is at &lt;url&gt; (or SLUICE_ADMIN_URL).</source>
        <translation>启动并连接到 Admin API 位于 &lt;url&gt; 的网关（或 SLUICE_ADMIN_URL）。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="16"/>
        <source>The admin token for that gateway (or SLUICE_ADMIN_TOKEN).</source>
        <translation>该网关的管理令牌（或 SLUICE_ADMIN_TOKEN）。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="18"/>
        <source>Do not verify the gateway&apos;s TLS certificate.</source>
        <translation>不验证网关的 TLS 证书。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="22"/>
        <source>The interface language: en, de or zh_CN (remembered).</source>
        <translation>界面语言：en、de 或 zh_CN（会被记住）。</translation>
    </message>
    <message>
        <location filename="../manager_gui/app/manager_options.cpp" line="39"/>
        <source>not an http(s) URL: %1</source>
        <translation>不是 http(s) URL：%1</translation>
    </message>
</context>
<context>
    <name>sluice::manager::AlertsView</name>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="40"/>
        <source>Alerts are evaluated on the gateway once a second.</source>
        <translation>告警每秒在网关上评估一次。</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="42"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="43"/>
        <source>Manage rules…</source>
        <translation>管理规则…</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="44"/>
        <source>The alert rules are the sluice_alert_rules entity: p99 or 5xx share of a route, a service or the node, an unhealthy target, a certificate about to expire</source>
        <translation>告警规则即 sluice_alert_rules 实体：路由、服务或节点的 p99 或 5xx 占比，不健康的目标，即将过期的证书</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="54"/>
        <source>Firing now</source>
        <translation>正在告警</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="55"/>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="60"/>
        <source>History (newest first)</source>
        <translation>历史（最新在前）</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="61"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>No alert is firing.</source>
        <translation>没有正在触发的告警。</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="115"/>
        <source>%n alert(s) firing.</source>
        <translation>
            <numerusform>%n 个告警正在触发。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>firing</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../manager_gui/alerts/alerts_view.cpp" line="125"/>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
</context>
<context>
    <name>sluice::manager::ClusterView</name>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Data plane</source>
        <translation>数据平面</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Configuration hash</source>
        <translation>配置哈希</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="17"/>
        <source>Last seen</source>
        <translation>最后联系</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="32"/>
        <source>%n data plane(s)</source>
        <translation>
            <numerusform>%n 个数据平面</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="33"/>
        <source>%1, %2 behind</source>
        <translation>%1，%2 个落后</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="39"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="43"/>
        <source>This node is a data plane: its configuration comes from its control plane, and its Admin API is read-only. Connect to the control plane to see the cluster.</source>
        <translation>此节点是数据平面：其配置来自控制平面，其 Admin API 为只读。请连接控制平面以查看集群。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="48"/>
        <source>This node is not a control plane (role: %1). Nodes sharing a PostgreSQL database follow each other without a list of their own.</source>
        <translation>此节点不是控制平面（角色：%1）。共享同一 PostgreSQL 数据库的节点彼此同步，没有单独的列表。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="52"/>
        <source>Control plane — configuration hash %1 — %2</source>
        <translation>控制平面 — 配置哈希 %1 — %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>In sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="66"/>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="67"/>
        <source>%1 (disconnected)</source>
        <translation>%1（已断开）</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="68"/>
        <source>Refused: version newer than the control plane</source>
        <translation>已拒绝：版本比控制平面新</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/cluster_view.cpp" line="72"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::ConnectDialog</name>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="16"/>
        <source>Connect to a gateway</source>
        <translation>连接到网关</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="19"/>
        <source>e.g. production</source>
        <translation>例如 production</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="23"/>
        <source>only when the gateway has admin_tokens</source>
        <translation>仅当网关设置了 admin_tokens 时</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="24"/>
        <source>Verify the gateway&apos;s TLS certificate</source>
        <translation>验证网关的 TLS 证书</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="27"/>
        <source>PEM file of a CA to trust (optional)</source>
        <translation>要信任的 CA 的 PEM 文件（可选）</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="31"/>
        <source>Saved:</source>
        <translation>已保存：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="32"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="33"/>
        <source>Admin API URL:</source>
        <translation>Admin API 地址：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="34"/>
        <source>Admin token:</source>
        <translation>管理令牌：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="36"/>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="38"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="39"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="49"/>
        <source>Admin tokens are kept in the system keychain.</source>
        <translation>管理令牌保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="50"/>
        <source>No system keychain here: admin tokens are kept for this session only.</source>
        <translation>此处没有系统钥匙串：管理令牌仅在本次会话中保存。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/connect_dialog.cpp" line="108"/>
        <source>The Admin API URL must start with http:// or https://.</source>
        <translation>Admin API 地址必须以 http:// 或 https:// 开头。</translation>
    </message>
</context>
<context>
    <name>sluice::manager::DashboardView</name>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="50"/>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="51"/>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="52"/>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="54"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="55"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="56"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="57"/>
        <source>Waiting for the first frame…</source>
        <translation>正在等待第一帧…</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="60"/>
        <source>Window:</source>
        <translation>时间窗：</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="66"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>req/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="67"/>
        <source>all</source>
        <translation>全部</translation>
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
        <translation>连接数</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <source>Latency percentiles</source>
        <translation>延迟百分位</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="79"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="85"/>
        <source>Where the time goes (mean per request)</source>
        <translation>时间去向（每请求平均）</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="88"/>
        <source>Latency heatmap (requests per latency band)</source>
        <translation>延迟热力图（各延迟区间的请求数）</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>In plugins %</source>
        <translation>插件耗时 %</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="99"/>
        <source>p99 ms</source>
        <translation>p99 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="123"/>
        <source>Busiest routes this second (double-click opens the route)</source>
        <translation>本秒最繁忙的路由（双击打开路由）</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="129"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="133"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="188"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="189"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="190"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="195"/>
        <source>(no token)</source>
        <translation>（无令牌）</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="197"/>
        <source>Configuration version %1 — %2 by %3
%4</source>
        <translation>配置版本 %1 — %2，由 %3
%4</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="205"/>
        <source>… and more</source>
        <translation>……及更多</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="268"/>
        <source>%1 req/s · p99 %2 ms · %3 connections · %4</source>
        <translation>%1 请求/秒 · p99 %2 毫秒 · %3 个连接 · %4</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>1 route active</source>
        <translation>1 条路由活跃</translation>
    </message>
    <message>
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="272"/>
        <source>%1 routes active</source>
        <translation>%1 条路由活跃</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/charts/dashboard_view.cpp" line="312"/>
        <source>%1
%2 – %3 ms: %n request(s)</source>
        <translation>
            <numerusform>%1
%2 – %3 ms：%n 个请求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityEditor</name>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New entry in %1</source>
        <translation>在 %1 中新建</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="60"/>
        <source>New %1 plugin</source>
        <translation>新建 %1 插件</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="68"/>
        <source>Edit %1 %2</source>
        <translation>编辑 %1 %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="140"/>
        <source>Some references do not exist.</source>
        <translation>部分引用不存在。</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/entity_editor.cpp" line="141"/>
        <source>unknown references</source>
        <translation>未知引用</translation>
    </message>
</context>
<context>
    <name>sluice::manager::EntityListModel</name>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../manager_gui/models/entity_list_model.cpp" line="55"/>
        <source>no</source>
        <translation>否</translation>
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
        <translation>解释</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="49"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="51"/>
        <source>X-Version: 2; Content-Type: application/grpc</source>
        <translation>X-Version: 2; Content-Type: application/grpc</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="52"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="54"/>
        <source>Type a URL to see which route the gateway picks for it, and why.</source>
        <translation>输入一个 URL，查看网关为它选择哪条路由以及原因。</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Matches on</source>
        <translation>匹配字段</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="60"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="102"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="107"/>
        <source>Type a URL first, e.g. %1</source>
        <translation>请先输入 URL，例如 %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="116"/>
        <source>Asking the gateway…</source>
        <translation>正在询问网关…</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="142"/>
        <source>Route “%1” takes it — position %2 of %3 in Kong&apos;s order. %4%5</source>
        <translation>路由“%1”接收该请求 — 在 Kong 的顺序中位列第 %2（共 %3）。%4%5</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="147"/>
        <source> (service “%1”)</source>
        <translation>（服务“%1”）</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="149"/>
        <source>No route takes it: the proxy answers 404. The nearest of %n route(s) and what each is missing:</source>
        <translation>
            <numerusform>没有路由接收该请求：代理返回 404。%n 条路由中最接近的几条及其缺少的条件：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="160"/>
        <source>Chosen</source>
        <translation>已选中</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="166"/>
        <source>Matches, comes later</source>
        <translation>匹配，但排在后面</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Tried first, fails</source>
        <translation>先被尝试，未匹配</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="171"/>
        <source>Does not match</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/explain_view.cpp" line="172"/>
        <source>fails on %1</source>
        <translation>未通过：%1</translation>
    </message>
</context>
<context>
    <name>sluice::manager::FirstRunPanel</name>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="27"/>
        <source>&lt;h2&gt;This gateway has no services or routes yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;此网关还没有服务或路由&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="28"/>
        <source>A &lt;b&gt;service&lt;/b&gt; is an API the gateway sends requests to; a &lt;b&gt;route&lt;/b&gt; says which requests go to it. Create one of each and send a request through the gateway to see it work.</source>
        <translation>&lt;b&gt;服务&lt;/b&gt;是网关转发请求的目标 API；&lt;b&gt;路由&lt;/b&gt;决定哪些请求发往它。各创建一个，并通过网关发送一个请求，看看它如何工作。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="36"/>
        <source>http://127.0.0.1:8080 — the API behind the gateway</source>
        <translation>http://127.0.0.1:8080 — 网关后面的 API</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="38"/>
        <source>1. Service name</source>
        <translation>1. 服务名称</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="39"/>
        <source>   Its URL</source>
        <translation>   服务 URL</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="40"/>
        <source>2. Route path</source>
        <translation>2. 路由路径</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="43"/>
        <source>3. Create them and send a request</source>
        <translation>3. 创建并发送请求</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="45"/>
        <source>Open the configuration</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="47"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="59"/>
        <source>The answer through the new route appears here.</source>
        <translation>经新路由得到的响应将显示在这里。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="88"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="91"/>
        <source>The service needs a name and the URL of the API behind the gateway.</source>
        <translation>服务需要一个名称以及网关后面 API 的 URL。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="95"/>
        <source>Creating the service…</source>
        <translation>正在创建服务…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="98"/>
        <source>The service was not created: %1</source>
        <translation>服务未创建：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="99"/>
        <source>Creating the route…</source>
        <translation>正在创建路由…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="104"/>
        <source>The route was not created: %1</source>
        <translation>路由未创建：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="105"/>
        <source>Sending a request through the gateway…</source>
        <translation>正在通过网关发送请求…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="123"/>
        <source>The gateway&apos;s proxy did not answer at %1: %2</source>
        <translation>网关代理在 %1 没有响应：%2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="129"/>
        <source>It works: the gateway sent the request to the service and passed its answer back.</source>
        <translation>成功：网关把请求发给了服务，并返回了它的响应。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/first_run_panel.cpp" line="130"/>
        <source>The gateway answered %1: the route works, and this is what the service (or the gateway) said.</source>
        <translation>网关返回了 %1：路由已生效，以下是服务（或网关）的响应。</translation>
    </message>
</context>
<context>
    <name>sluice::manager::GatewayConnection</name>
    <message>
        <location filename="../manager_gui/api/gateway_connection.cpp" line="28"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>sluice::manager::HistoryView</name>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="30"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="31"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="32"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="52"/>
        <source>All entities</source>
        <translation>所有实体</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="54"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="55"/>
        <source>Load older</source>
        <translation>加载更早</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="57"/>
        <source>Revert this change…</source>
        <translation>撤销此变更…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="58"/>
        <source>Restore this version…</source>
        <translation>恢复到此版本…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="59"/>
        <source>Undo the selected change where its entity is still as the change left it</source>
        <translation>在实体仍保持该变更后的状态时撤销所选变更</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="60"/>
        <source>Return the whole configuration to what it was right after the selected change</source>
        <translation>将整个配置恢复到所选变更刚完成时的状态</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="63"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="71"/>
        <source>Every change to the configuration, newest first.</source>
        <translation>配置的每一次变更，最新在前。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="79"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="86"/>
        <source>Select a change to see what it changed.</source>
        <translation>选择一个变更以查看其改动。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="94"/>
        <source>The gateway computed what this would change. Apply it?</source>
        <translation>网关已计算出此操作将改变的内容。是否应用？</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="132"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="154"/>
        <location filename="../manager_gui/history/history_view.cpp" line="190"/>
        <source>(no token)</source>
        <translation>（无令牌）</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="159"/>
        <source>Taken along by the change of %1</source>
        <translation>随 %1 的变更一并发生</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="165"/>
        <source>No change recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="166"/>
        <source>Versions %1 to %2 kept (the last %3). Select a change to see its diff.</source>
        <translation>保留版本 %1 至 %2（最近 %3 个）。选择一个变更以查看差异。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="189"/>
        <source>version %1, by %2</source>
        <translation>版本 %1，由 %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="193"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="202"/>
        <source>No field changed but its timestamps.</source>
        <translation>除时间戳外没有字段变化。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="216"/>
        <source>Nothing would change: the configuration is already so.</source>
        <translation>不会有任何改变：配置已是如此。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="224"/>
        <source>Revert change %1 (%2 %3 “%4”)?</source>
        <translation>撤销变更 %1（%2 %3 “%4”）？</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="232"/>
        <source>Restore the whole configuration to version %1?</source>
        <translation>将整个配置恢复到版本 %1？</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="240"/>
        <source>Asking the gateway what this would change…</source>
        <translation>正在询问网关此操作将改变什么…</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="251"/>
        <source>Nothing changed.</source>
        <translation>没有改变。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="264"/>
        <source>Applied as version %1.</source>
        <translation>已作为版本 %1 应用。</translation>
    </message>
    <message>
        <location filename="../manager_gui/history/history_view.cpp" line="265"/>
        <source>Nothing changed: the configuration was already so.</source>
        <translation>没有改变：配置已是如此。</translation>
    </message>
</context>
<context>
    <name>sluice::manager::ImportDialog</name>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="17"/>
        <source>Import configuration</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="18"/>
        <source>Replace: delete what the file does not mention</source>
        <translation>替换：删除文件中未提及的内容</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="19"/>
        <source>Comparing the file with the gateway…</source>
        <translation>正在将文件与网关比较…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="23"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="26"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="47"/>
        <source>The gateway refused the file: %1</source>
        <translation>网关拒绝了该文件：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="61"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="73"/>
        <source>The gateway already has this configuration.</source>
        <translation>网关已是此配置。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/import_dialog.cpp" line="74"/>
        <source>%1 changes; %2 entities stay as they are.</source>
        <translation>%1 项变更；%2 个实体保持不变。</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestCharts</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="41"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>req/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="42"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="48"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="82"/>
        <source>second of the run</source>
        <translation>运行第几秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="43"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="58"/>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="44"/>
        <source>errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="45"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="59"/>
        <source>compared run</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <source>Latency per second</source>
        <translation>每秒延迟</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="47"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="55"/>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="52"/>
        <source>compared p99</source>
        <translation>对比 p99</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>Latency distribution</source>
        <translation>延迟分布</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="54"/>
        <source>% of requests</source>
        <translation>请求占比 %</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="64"/>
        <source>Capacity: each step against the offered rate</source>
        <translation>容量：各阶梯相对于施加速率</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="65"/>
        <source>offered rate (req/s)</source>
        <translation>施加速率（请求/秒）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="66"/>
        <source>offered</source>
        <translation>施加</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="67"/>
        <source>achieved</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="70"/>
        <source>p99 (ms)</source>
        <translation>p99（毫秒）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="74"/>
        <source>missed a limit</source>
        <translation>未达限制</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="78"/>
        <source>p99 ms</source>
        <translation>p99 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="81"/>
        <source>The gateway&apos;s view of the same seconds (mean per request)</source>
        <translation>网关对同一时段的观测（每请求平均）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="84"/>
        <source>gateway (plugins included)</source>
        <translation>网关（含插件）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="89"/>
        <source>upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_charts.cpp" line="158"/>
        <source>knee %1 req/s </source>
        <translation>拐点 %1 请求/秒 </translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestForm</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="45"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="46"/>
        <source>The gateway host</source>
        <translation>网关主机</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="50"/>
        <source>— a URL (this computer only) —</source>
        <translation>— 一个 URL（仅限本机）—</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="52"/>
        <source>the route&apos;s first path</source>
        <translation>路由的第一个路径</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="58"/>
        <source>Name: value, one per line</source>
        <translation>名称: 值，每行一个</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="70"/>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="71"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="116"/>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="73"/>
        <source>e.g. 10s:50,30s:50,10s:0 (connections, or /s for rates)</source>
        <translation>例如 10s:50,30s:50,10s:0（连接数，或用 /s 表示速率）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="77"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="123"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="80"/>
        <source>none; e.g. 500ms, or 1s-3s for a pause drawn between the two</source>
        <translation>无；例如 500ms，或 1s-3s 表示在两者之间随机停顿</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="81"/>
        <source>Closed loop (no rate): each connection pauses this long after an answer before its next request</source>
        <translation>闭环（无速率）：每个连接在收到响应后停顿该时长再发送下一个请求</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="83"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="88"/>
        <source>Run from</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="89"/>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="90"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="91"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="92"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="93"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="94"/>
        <source>Body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="95"/>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="96"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="97"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="98"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="99"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="100"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="101"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="102"/>
        <source>Think time</source>
        <translation>思考时间</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="103"/>
        <source>As consumer</source>
        <translation>作为消费者</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="104"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="107"/>
        <source>Find the capacity (rate steps)</source>
        <translation>寻找容量（速率阶梯）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="110"/>
        <source>Steps of rising rate until p99, errors or throughput miss their limit; the result is the knee: the highest rate that met them all. Rate, stages and duration are the search&apos;s to set.</source>
        <translation>逐级提高速率，直到 p99、错误或吞吐量超出限制；结果为拐点：满足所有限制的最高速率。速率、阶段和时长由搜索设定。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="129"/>
        <source>none; e.g. 50ms</source>
        <translation>无；例如 50ms</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="136"/>
        <source>Start rate</source>
        <translation>起始速率</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="137"/>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="138"/>
        <source>Step duration</source>
        <translation>阶梯时长</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="139"/>
        <source>Highest rate</source>
        <translation>最高速率</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="140"/>
        <source>Most steps</source>
        <translation>最多阶梯数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="141"/>
        <source>p99 limit</source>
        <translation>p99 限制</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="142"/>
        <source>Error limit</source>
        <translation>错误限制</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="223"/>
        <source>From the gateway host, a load test targets one of its routes: pick one.</source>
        <translation>在网关主机上运行时，压测只能针对其路由：请选择一个。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="287"/>
        <source>Duration: a time such as 30s or 2m.</source>
        <translation>时长：例如 30s 或 2m。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="291"/>
        <source>Timeout: a time such as 2s.</source>
        <translation>超时：例如 2s。</translation>
    </message>
    <message>
        <source>That consumer has no key-auth credential.</source>
        <translation type="vanished">该消费者没有 key-auth 凭据。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%1 req/s</source>
        <translation>%1 请求/秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="403"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from the gateway host</source>
        <translation>在网关主机上</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="299"/>
        <source>Think time: a time such as 500ms, or a range such as 1s-3s.</source>
        <translation>思考时间：如 500ms 的时长，或如 1s-3s 的范围。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="378"/>
        <source>Step duration: a time such as 10s.</source>
        <translation>阶梯时长：如 10s 的时长。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="385"/>
        <source>p99 limit: a time such as 50ms.</source>
        <translation>p99 限制：如 50ms 的时长。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="401"/>
        <source>capacity search from %1 req/s by %2</source>
        <translation>容量搜索，从 %1 请求/秒起，每级 %2</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="402"/>
        <location filename="../manager_gui/loadtest/loadtest_form.cpp" line="405"/>
        <source>from this computer</source>
        <translation>在本机上</translation>
    </message>
</context>
<context>
    <name>sluice::manager::LoadtestView</name>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="36"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="40"/>
        <source>Save run</source>
        <translation>保存运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="41"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="42"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="43"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="45"/>
        <source>Pick a route (or a URL), set the load, and run.</source>
        <translation>选择路由（或 URL），设置负载，然后运行。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="62"/>
        <source>Compare with a saved run:</source>
        <translation>与已保存的运行对比：</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>This run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Compared run</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="65"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="66"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="75"/>
        <source>Percentiles and distribution</source>
        <translation>百分位与分布</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="76"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="81"/>
        <source>The gateway&apos;s view</source>
        <translation>网关视角</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="85"/>
        <source>Tick “Find the capacity” in the form to search for the highest rate that meets your limits.</source>
        <translation>在表单中勾选“寻找容量”，以搜索满足限制的最高速率。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="89"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Nothing to save yet, or the run could not be written.</source>
        <translation>尚无可保存的内容，或无法写入。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="112"/>
        <source>Saved in %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="115"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="119"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="123"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="142"/>
        <source>Not connected to a gateway.</source>
        <translation>未连接网关。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="190"/>
        <source>Running: %1</source>
        <translation>运行中：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="197"/>
        <source>The load test failed: %1</source>
        <translation>压测失败：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="213"/>
        <source>Running: %1 — second %2: %3 requests, p99 %4 ms</source>
        <translation>运行中：%1 — 第 %2 秒：%3 个请求，p99 %4 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="237"/>
        <source>failed its thresholds</source>
        <translation>未达阈值</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="238"/>
        <source>%1 — %2 requests in %3 s, %4 req/s, p99 %5 ms, %6 errors: %7</source>
        <translation>%1 — %3 秒内 %2 个请求，%4 请求/秒，p99 %5 毫秒，%6 个错误：%7</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="260"/>
        <source>Step %1: %2 req/s offered, %3 achieved, p99 %4 ms%5</source>
        <translation>阶梯 %1：施加 %2 请求/秒，实际 %3，p99 %4 毫秒%5</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="272"/>
        <source>Knee: %1 req/s — the highest rate that met every limit.</source>
        <translation>拐点：%1 请求/秒 — 满足所有限制的最高速率。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="273"/>
        <source>No step met the limits: the first rate is already too much.</source>
        <translation>没有阶梯满足限制：起始速率已过高。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="274"/>
        <source>Stopped because: %1.</source>
        <translation>停止原因：%1。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="276"/>
        <source>Warning: the load generator itself was the bottleneck — past that step the figures are the tool&apos;s limit, not the gateway&apos;s. Run it from another machine or with more threads.</source>
        <translation>警告：负载生成器本身成为瓶颈 — 该阶梯之后的数据反映的是工具的极限而非网关的。请在另一台机器上或用更多线程运行。</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="278"/>
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="310"/>
        <source>Over these %n second(s) the gateway spent %1 ms per request itself (plugins included) and waited %2 ms for the upstream&apos;s first byte, on average.</source>
        <translation>
            <numerusform>在这 %n 秒内，网关自身平均每个请求耗时 %1 毫秒（含插件），等待上游首字节 %2 毫秒。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="328"/>
        <source>requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="329"/>
        <source>requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="330"/>
        <source>errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="359"/>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="360"/>
        <source>not sent (every connection busy)</source>
        <translation>未发送（所有连接均忙）</translation>
    </message>
    <message>
        <location filename="../manager_gui/loadtest/loadtest_view.cpp" line="389"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>sluice::manager::MainWindow</name>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="59"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="60"/>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="61"/>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="62"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="63"/>
        <source>Upstreams</source>
        <translation>上游</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="64"/>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="65"/>
        <source>SNIs</source>
        <translation>SNI</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="66"/>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="67"/>
        <source>Key-auth credentials</source>
        <translation>Key-auth 凭证</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="68"/>
        <source>Basic-auth credentials</source>
        <translation>Basic-auth 凭证</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="69"/>
        <source>JWT credentials</source>
        <translation>JWT 凭证</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="70"/>
        <source>HMAC credentials</source>
        <translation>HMAC 凭证</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="71"/>
        <source>OAuth 2.0 applications</source>
        <translation>OAuth 2.0 应用</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="72"/>
        <source>OAuth 2.0 tokens</source>
        <translation>OAuth 2.0 令牌</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="73"/>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="74"/>
        <source>ACL groups</source>
        <translation>ACL 组</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="75"/>
        <source>Alert rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="122"/>
        <location filename="../manager_gui/views/main_window.cpp" line="252"/>
        <source>Sluice Manager</source>
        <translation>Sluice 管理器</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="128"/>
        <source>Filter the loaded rows by name</source>
        <translation>按名称筛选已加载的行</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="131"/>
        <source>Tags: a,b (all) or a/b (any)</source>
        <translation>标签：a,b（全部）或 a/b（任一）</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="171"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="172"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="173"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="192"/>
        <location filename="../manager_gui/views/main_window.cpp" line="359"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="198"/>
        <location filename="../manager_gui/views/main_window.cpp" line="360"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="200"/>
        <location filename="../manager_gui/views/main_window.cpp" line="361"/>
        <source>Troubleshooting</source>
        <translation>延迟排查</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="202"/>
        <source>Why this route?</source>
        <translation>为什么是这条路由？</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="207"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="209"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="223"/>
        <location filename="../manager_gui/views/main_window.cpp" line="292"/>
        <location filename="../manager_gui/views/main_window.cpp" line="362"/>
        <source>Load test</source>
        <translation>压测</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="225"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>No alerts</source>
        <translation>无告警</translation>
    </message>
    <message numerus="yes">
        <location filename="../manager_gui/views/main_window.cpp" line="256"/>
        <source>⚠ %n alert(s) firing</source>
        <translation>
            <numerusform>⚠ %n 个告警正在触发</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="260"/>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="272"/>
        <source>%1 loaded, more as you scroll</source>
        <translation>已加载 %1 个，滚动加载更多</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>1 entity</source>
        <translation>1 个条目</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="273"/>
        <source>%1 entities</source>
        <translation>%1 个条目</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="276"/>
        <source>Could not load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="278"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="287"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="288"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="289"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="290"/>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="291"/>
        <source>Troubleshoot</source>
        <translation>排查</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="294"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="322"/>
        <source>&amp;Gateway</source>
        <translation>网关(&amp;G)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="323"/>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="329"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="331"/>
        <source>Export configuration…</source>
        <translation>导出配置…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="335"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Export configuration</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="338"/>
        <source>Declarative configuration (*.yml *.yaml)</source>
        <translation>声明式配置 (*.yml *.yaml)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="342"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="344"/>
        <source>Configuration exported to %1</source>
        <translation>配置已导出到 %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="347"/>
        <source>Import configuration…</source>
        <translation>导入配置…</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Import configuration</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="349"/>
        <source>Declarative configuration (*.yml *.yaml *.json)</source>
        <translation>声明式配置 (*.yml *.yaml *.json)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="358"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="364"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="365"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="371"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="375"/>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>New plugin</source>
        <translation>新建插件</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="423"/>
        <source>Plugin:</source>
        <translation>插件：</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="475"/>
        <source>Delete %1 from %2?</source>
        <translation>从 %2 删除 %1？</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="480"/>
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="544"/>
        <source>Select a route first.</source>
        <translation>请先选择一条路由。</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="626"/>
        <source>● Unreachable</source>
        <translation>● 不可达</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="629"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="636"/>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="639"/>
        <source>%1 — Sluice %2 (Kong API %3)</source>
        <translation>%1 — Sluice %2（Kong API %3）</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="640"/>
        <source>Database: %1 (unreachable)</source>
        <translation>数据库：%1（不可达）</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="641"/>
        <source>Configuration v%1</source>
        <translation>配置 v%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="643"/>
        <source>Control plane: %1</source>
        <translation>控制平面：%1</translation>
    </message>
    <message>
        <location filename="../manager_gui/views/main_window.cpp" line="644"/>
        <source>Data plane</source>
        <translation>数据平面</translation>
    </message>
</context>
<context>
    <name>sluice::manager::SchemaForm</name>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="197"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="212"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="223"/>
        <source>one &quot;key: value&quot; per line</source>
        <translation>每行一个“键: 值”</translation>
    </message>
    <message>
        <location filename="../manager_gui/forms/schema_form.cpp" line="229"/>
        <source>id or name (%1)</source>
        <translation>ID 或名称（%1）</translation>
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
        <translation>解析与路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="34"/>
        <source>upstream connect</source>
        <translation>上游连接</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="35"/>
        <source>upstream response</source>
        <translation>上游响应</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="36"/>
        <source>transfer to the client</source>
        <translation>传输到客户端</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="37"/>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/trace_waterfall.cpp" line="59"/>
        <source>Select a trace to see where its time went.</source>
        <translation>选择一条追踪以查看其时间花在哪里。</translation>
    </message>
</context>
<context>
    <name>sluice::manager::TroubleshootView</name>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="33"/>
        <source>Pick a route: from the Configuration tab (Troubleshoot) or the dashboard.</source>
        <translation>请选择一条路由：在“配置”页（排查）或仪表盘中。</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="34"/>
        <source>Open the route</source>
        <translation>打开路由</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="35"/>
        <source>Refresh traces</source>
        <translation>刷新追踪</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="36"/>
        <source>Explain the selected request</source>
        <translation>解释所选请求</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="37"/>
        <source>Ask the router again which route takes this trace&apos;s request, and why</source>
        <translation>再次询问路由器：哪条路由接收此追踪的请求，以及原因</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>Where this route&apos;s time goes, per second</source>
        <translation>该路由每秒的时间去向</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="44"/>
        <source>ms of request time</source>
        <translation>请求时间（毫秒）</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Total ms</source>
        <translation>总计 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Gateway ms</source>
        <translation>网关 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Upstream ms</source>
        <translation>上游 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="50"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p50 ms</source>
        <translation>响应 p50 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="58"/>
        <source>Response p99 ms</source>
        <translation>响应 p99 毫秒</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="64"/>
        <source>Each target&apos;s health over time: green healthy, red unhealthy, grey without health checks. Hover for the reason of a change.</source>
        <translation>各目标随时间的健康状态：绿色为健康，红色为不健康，灰色为未配置健康检查。悬停可查看状态变化的原因。</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="66"/>
        <source>last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="67"/>
        <source>last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="68"/>
        <source>last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="78"/>
        <source>Slowest requests of each minute, and the ones asked for with X-Sluice-Trace: 1 (double-click a plugin row to open the plugin)</source>
        <translation>每分钟最慢的请求，以及带 X-Sluice-Trace: 1 的请求（双击插件行打开插件）</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="80"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="129"/>
        <source>Targets of the route&apos;s upstream</source>
        <translation>路由上游的目标</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="83"/>
        <source>Health timeline:</source>
        <translation>健康时间线：</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="123"/>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="141"/>
        <source>Route %1</source>
        <translation>路由 %1</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="153"/>
        <source>The route&apos;s service sends to the host %1 directly: no upstream, no targets.</source>
        <translation>该路由的服务直接发送到主机 %1：没有上游，没有目标。</translation>
    </message>
    <message>
        <location filename="../manager_gui/troubleshoot/troubleshoot_view.cpp" line="157"/>
        <source>Targets of the upstream %1</source>
        <translation>上游 %1 的目标</translation>
    </message>
</context>
</TS>
