<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionParamsDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="62"/>
        <source>Why is the report invalid?</source>
        <translation>该上报为何作废？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="63"/>
        <source>What must be redone?</source>
        <translation>哪些方面需要返工？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="64"/>
        <source>Why is the case suspended?</source>
        <translation>该案件为何挂账？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="65"/>
        <source>Why is the case reopened?</source>
        <translation>该案件为何需要重新办理？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="66"/>
        <source>Why is more time needed?</source>
        <translation>为何需要延期？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="71"/>
        <source>What was done on site?</source>
        <translation>现场做了哪些处置？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="67"/>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="68"/>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="74"/>
        <source>Comment (optional)</source>
        <translation>评价意见（选填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="69"/>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="70"/>
        <source>Why is the request refused?</source>
        <translation>为何驳回该申请？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="73"/>
        <source>Verification note: what was checked (optional)</source>
        <translation>核查说明：核查了什么（可选）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="75"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="78"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="79"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="80"/>
        <source>Acceptable</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="81"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="82"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="310"/>
        <source>{action} — {case}</source>
        <translation>{action} — {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="311"/>
        <source>{action}: case {case}</source>
        <translation>{action}：案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="313"/>
        <source>{category} · grid {grid} ({community}) · {status}
{description}</source>
        <translation>{category} · 网格 {grid}（{community}）· {status}
{description}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="320"/>
        <source>{action} (Enter)</source>
        <translation>{action}（Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="321"/>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="323"/>
        <source>Extend by</source>
        <translation>延期时长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="324"/>
        <source>Suspend for</source>
        <translation>挂账时长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="328"/>
        <source>Rating *</source>
        <translation>评价等级 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="331"/>
        <source>Merge into which case? *</source>
        <translation>合并到哪个案件？*</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="332"/>
        <source>Filter by case number, category, address or text</source>
        <translation>按案件编号、类别、地址或描述筛选</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="334"/>
        <source>Show open cases in every grid, not only grid {grid}</source>
        <translation>显示所有网格的在办案件，不限于网格 {grid}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="381"/>
        <source>No request of this kind is waiting for a decision.</source>
        <translation>没有此类待审批的申请。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="384"/>
        <source>Requested by {who} at {at}, before the deadline {deadline}: {span}
{reason}</source>
        <translation>{who} 于 {at} 申请（时限 {deadline} 之前）：{span}
{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="400"/>
        <source>1 working day</source>
        <translation>1个工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="402"/>
        <source>1 day</source>
        <translation>1天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="403"/>
        <source>30 min</source>
        <translation>30分钟</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="403"/>
        <source>1 h</source>
        <translation>1小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="403"/>
        <source>2 h</source>
        <translation>2小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="403"/>
        <source>4 h</source>
        <translation>4小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="404"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="417"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="436"/>
        <source>counted in working time: office hours on working days</source>
        <translation>按工作时间计：仅计工作日的办公时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="437"/>
        <source>counted in calendar time</source>
        <translation>按自然时间计</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="440"/>
        <source>Handling deadline {old} → {new}  (+{span}, {clock})</source>
        <translation>处置时限 {old} → {new}（+{span}，{clock}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="463"/>
        <source>Keys 1–5 choose the stars</source>
        <translation>按数字键 1–5 选择星级</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="503"/>
        <source>No other open case in the whole centre.</source>
        <translation>整个指挥中心没有其他在办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="504"/>
        <source>No other open case in this grid: tick the box below to look in every grid.</source>
        <translation>本网格没有其他在办案件：勾选下方选项可在所有网格中查找。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="506"/>
        <source>No case matches the filter.</source>
        <translation>没有符合筛选条件的案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="508"/>
        <source>Open cases: {n} · Up/Down to choose, Enter to merge.</source>
        <translation>在办案件 {n} 件 · 用上/下方向键选择，按 Enter 合并。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="533"/>
        <source>Choose the case to merge into.</source>
        <translation>请选择要合并到的案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="536"/>
        <source>Choose a rating from 1 to 5 stars.</source>
        <translation>请选择 1 至 5 星的评价。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="539"/>
        <source>Choose how much time is wanted.</source>
        <translation>请选择申请的时长。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/action_params.py" line="541"/>
        <source>A reason is required: {prompt}</source>
        <translation>必须填写原因：{prompt}</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="82"/>
        <location filename="../../commandcenter/views/admin/screen.py" line="92"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="83"/>
        <source>Roles &amp;&amp; permissions</source>
        <translation>角色 &amp;&amp; 权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="84"/>
        <location filename="../../commandcenter/views/admin/screen.py" line="94"/>
        <source>Centres</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="85"/>
        <source>Categories &amp;&amp; time limits</source>
        <translation>案件类别 &amp;&amp; 时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="86"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="87"/>
        <source>Warning rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="93"/>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="95"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="96"/>
        <source>Time limits</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="97"/>
        <source>Calendar years</source>
        <translation>日历年份</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="98"/>
        <source>Holidays and working days</source>
        <translation>节假日与调休工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/screen.py" line="111"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AlertCountButton</name>
    <message>
        <location filename="../../commandcenter/views/alerts.py" line="120"/>
        <source>{n} unacknowledged alerts</source>
        <translation>{n} 条未确认提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/alerts.py" line="121"/>
        <source>Open the alert list to acknowledge alerts</source>
        <translation>打开提醒列表以确认提醒</translation>
    </message>
</context>
<context>
    <name>AlertListDialog</name>
    <message>
        <location filename="../../commandcenter/views/alerts.py" line="169"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/alerts.py" line="170"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/alerts.py" line="171"/>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="38"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="38"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="38"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="38"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="38"/>
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="39"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="39"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="39"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/audit.py" line="39"/>
        <source>OS user</source>
        <translation>系统账户</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="138"/>
        <location filename="../../commandcenter/views/audit_view.py" line="213"/>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="167"/>
        <source>Entries found: {n}</source>
        <translation>找到条目：{n}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="176"/>
        <source>Verifying the chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="177"/>
        <source>Verifying the chain… {percent} %</source>
        <translation>正在校验审计链… {percent} %</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="199"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="200"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="201"/>
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="202"/>
        <source>Case number or id</source>
        <translation>案件编号或 ID</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="203"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="204"/>
        <location filename="../../commandcenter/views/audit_view.py" line="206"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="205"/>
        <location filename="../../commandcenter/views/audit_view.py" line="207"/>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="208"/>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="209"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="210"/>
        <source>Verify chain</source>
        <translation>核查审计链</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/audit_view.py" line="225"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>BasemapBoundsDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="46"/>
        <source>Place the basemap</source>
        <translation>设置底图位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="47"/>
        <source>The image has no world file (.pgw, .jgw, .wld). Give the WGS84 longitude and latitude of its edges; north must be up.</source>
        <translation>该图片没有坐标文件（.pgw、.jgw、.wld）。请输入图片四边的 WGS84 经纬度；图片须为上北下南。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="49"/>
        <source>West (min. longitude)</source>
        <translation>西（最小经度）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="49"/>
        <source>South (min. latitude)</source>
        <translation>南（最小纬度）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="49"/>
        <source>East (max. longitude)</source>
        <translation>东（最大经度）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/basemap_bounds.py" line="50"/>
        <source>North (max. latitude)</source>
        <translation>北（最大纬度）</translation>
    </message>
</context>
<context>
    <name>BasemapControls</name>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="42"/>
        <source>Load a basemap image</source>
        <translation>加载底图图片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="43"/>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="60"/>
        <source>{file} is not an image this program can read</source>
        <translation>{file} 不是本程序可读取的图片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="65"/>
        <source>Basemap {file} loaded</source>
        <translation>已加载底图 {file}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="77"/>
        <source>Load a tile basemap</source>
        <translation>加载瓦片底图</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="78"/>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_basemap.py" line="93"/>
        <source>{file} is not a tile package this program can read ({error})</source>
        <translation>{file} 不是本程序能读取的瓦片包（{error}）</translation>
    </message>
</context>
<context>
    <name>BriefingView</name>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="169"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="170"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="252"/>
        <location filename="../../commandcenter/views/briefing_view.py" line="267"/>
        <source>Whole day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="254"/>
        <source>{name} shift ({start}–{end})</source>
        <translation>{name}（{start}–{end}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="260"/>
        <location filename="../../commandcenter/views/briefing_view.py" line="488"/>
        <source>Briefing</source>
        <translation>简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="261"/>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="261"/>
        <source>&amp;Period</source>
        <translation>时段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="261"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="265"/>
        <source>Page 1 of the briefing appears here once it is built</source>
        <translation>简报生成后，第 1 页将显示在此处</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="268"/>
        <source>Build briefing</source>
        <translation>生成简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="269"/>
        <source>Build the PDF and record it as issued</source>
        <translation>生成 PDF 并登记为已印发</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="270"/>
        <source>Export unit KPIs…</source>
        <translation>导出单位考核指标…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="271"/>
        <source>The day&apos;s figures by street and by department as a CSV file</source>
        <translation>将当日按街道和按部门的考核数据导出为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="272"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="273"/>
        <source>Open in the system&apos;s PDF viewer</source>
        <translation>用系统的 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="274"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="275"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="276"/>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="277"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="277"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="277"/>
        <source>Due to close</source>
        <translation>应结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="278"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="278"/>
        <source>On-time closure rate</source>
        <translation>按期结案率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="279"/>
        <source>On-time handling rate</source>
        <translation>按期处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="279"/>
        <source>Overdue at end</source>
        <translation>期末超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="282"/>
        <source>Assessment by street</source>
        <translation>各街道考核</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="283"/>
        <source>Assessment by department</source>
        <translation>各部门考核</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="286"/>
        <source>Issued briefings (double-click to open)</source>
        <translation>已印发的简报（双击打开）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="312"/>
        <source>Gathering the figures…</source>
        <translation>正在汇总数据…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="322"/>
        <source>Counting the KPIs…</source>
        <translation>正在计算考核指标…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="322"/>
        <source>Counting by hour, category, street…</source>
        <translation>正在按时段、类别、街道统计…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="323"/>
        <source>Finding hotspots…</source>
        <translation>正在查找热点网格…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="323"/>
        <source>Listing overdue cases…</source>
        <translation>正在列出超时案件…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="324"/>
        <source>Laying out pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="325"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="334"/>
        <source>Briefing ready: {path} ({kb} KB), recorded as issued by {user}</source>
        <translation>简报已生成：{path}（{kb} KB），已登记为由 {user} 印发</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="337"/>
        <source>nothing was reported, dispatched or closed in this period</source>
        <translation>本时段内无上报、派遣或结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="346"/>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="351"/>
        <source>No preview: poppler-utils (pdftoppm) is not installed</source>
        <translation>无法预览：未安装 poppler-utils（pdftoppm）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="368"/>
        <source>Export unit KPIs</source>
        <translation>导出单位考核指标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="398"/>
        <source>The file is no longer at {path}</source>
        <translation>文件已不在 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="403"/>
        <source>Save briefing</source>
        <translation>保存简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="404"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="411"/>
        <source>Could not save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="414"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="423"/>
        <source>Printing from here needs poppler-utils (pdftoppm). Open the PDF and print it from the viewer instead.</source>
        <translation>在此打印需要 poppler-utils（pdftoppm）。请打开 PDF，改从阅读器中打印。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="436"/>
        <source>Preparing pages for the printer…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/briefing_view.py" line="473"/>
        <source>Sent {n} pages to {printer}</source>
        <translation>已将 {n} 页发送到打印机 {printer}</translation>
    </message>
</context>
<context>
    <name>CalendarYearModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="179"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="179"/>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="179"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="179"/>
        <source>Adjusted working days</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="185"/>
        <source>Not covered: Monday to Friday only</source>
        <translation>未覆盖：仅按周一至周五计</translation>
    </message>
</context>
<context>
    <name>CallFacts</name>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="94"/>
        <source>due {time}</source>
        <translation>时限 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="104"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="113"/>
        <source>Writing the dispatch slip…</source>
        <translation>正在生成派遣单…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="119"/>
        <source>Dispatch slip saved to {path}</source>
        <translation>派遣单已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="132"/>
        <source>12345 work order</source>
        <translation>12345 工单</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="132"/>
        <source>Answered on the call</source>
        <translation>直接答复</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="133"/>
        <source>Reply to the hotline</source>
        <translation>回复热线</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="133"/>
        <source>Further reporters</source>
        <translation>其他反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/case_call_facts.py" line="136"/>
        <source>Print dispatch slip</source>
        <translation>打印派遣单</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="90"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="91"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="92"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="93"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="94"/>
        <source>Assignee</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="95"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="96"/>
        <source>Community / street</source>
        <translation>社区 / 街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="97"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="98"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="99"/>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="100"/>
        <source>Registered</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="101"/>
        <source>Dispatched</source>
        <translation>派遣时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="102"/>
        <source>Accepted</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="103"/>
        <source>Fed back</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="104"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="105"/>
        <source>Evaluated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="106"/>
        <source>Current stage due</source>
        <translation>当前环节时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="107"/>
        <source>Handling deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="108"/>
        <source>Extended by</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="109"/>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="110"/>
        <source>Time suspended</source>
        <translation>挂账时长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="111"/>
        <source>Rework rounds</source>
        <translation>返工次数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="112"/>
        <source>Escalation</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="113"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="114"/>
        <source>Merged into</source>
        <translation>已合并至</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="115"/>
        <source>Reject reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="302"/>
        <source>No case selected.
Select a case on the wall to see every field and its history.</source>
        <translation>未选择案件。
在案件墙上选择一个案件，即可查看全部信息及办理过程。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="304"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="305"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="306"/>
        <source>Times (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="307"/>
        <source>Time limits and outcome</source>
        <translation>时限与结果</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="308"/>
        <source>Referrals between centres</source>
        <translation>中心间转办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="309"/>
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="316"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="317"/>
        <source>Show in clear: asks for a reason, recorded in the audit trail</source>
        <translation>显示明文：需填写理由，并记入审计日志</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="364"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="366"/>
        <source>not dispatched</source>
        <translation>未派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="384"/>
        <source>Reminder sent</source>
        <translation>已催办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="384"/>
        <source>Escalated to supervisor</source>
        <translation>已升级至值班长催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="408"/>
        <source>Extension of {span}, asked {at}: {reason}</source>
        <translation>申请延期 {span}，{at} 提出：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="409"/>
        <source>Suspension for {span}, asked {at}: {reason}</source>
        <translation>申请挂账 {span}，{at} 提出：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="424"/>
        <source>Overdue by {span} (was due {at})</source>
        <translation>已超时 {span}（时限为 {at}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="429"/>
        <source>{state}: due {at} (in {span})</source>
        <translation>{state}：{at} 到期（剩余 {span}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="462"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="464"/>
        <source>by {who}</source>
        <translation>操作人：{who}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/case_detail.py" line="466"/>
        <source>handler: {name}</source>
        <translation>承办方：{name}</translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="89"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="89"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="89"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="89"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="89"/>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="90"/>
        <source>To register</source>
        <translation>立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="90"/>
        <source>Registered by</source>
        <translation>立案人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="90"/>
        <source>To dispatch</source>
        <translation>派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="90"/>
        <source>Dispatched by</source>
        <translation>派遣人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="91"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="91"/>
        <source>Not as intended</source>
        <translation>与脚本不符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="91"/>
        <source>Goals missed</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="91"/>
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="73"/>
        <source>New category…</source>
        <translation>新建类别…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="74"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="75"/>
        <source>Edit time limit…</source>
        <translation>修改时限…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="76"/>
        <source>Time limits</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="99"/>
        <source>Choose a minor category to see its time limits.</source>
        <translation>选择一个小类以查看其时限。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="101"/>
        <source>{code} {name}: changes apply to stages that start afterwards.</source>
        <translation>{code} {name}：修改只适用于此后开始的环节。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="149"/>
        <source>Category {code} added.</source>
        <translation>已添加类别 {code}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="162"/>
        <source>Category {code} renamed.</source>
        <translation>已重命名类别 {code}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/categories_tab.py" line="182"/>
        <source>{priority} · {stage}: {minutes} min from now on.</source>
        <translation>{priority} · {stage}：今后为 {minutes} 分钟。</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="210"/>
        <source>Edit category</source>
        <translation>修改类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="210"/>
        <source>New category</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="211"/>
        <source>Under major class</source>
        <translation>所属大类</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="211"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="211"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="211"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="212"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="213"/>
        <source>two digits after the major class&apos;s code</source>
        <translation>大类编码后加两位数字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="217"/>
        <source>Enter the category&apos;s code.</source>
        <translation>请输入类别编码。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="219"/>
        <source>Enter the name in both languages.</source>
        <translation>请输入中英文两种名称。</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="137"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="137"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="137"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="137"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>CentreDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="161"/>
        <source>Edit centre</source>
        <translation>修改指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="161"/>
        <source>New centre</source>
        <translation>新建指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="162"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="162"/>
        <source>Name (shown on briefings)</source>
        <translation>名称（显示在简报上）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="162"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="162"/>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="163"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="167"/>
        <source>Enter the centre&apos;s code.</source>
        <translation>请输入指挥中心编码。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="169"/>
        <source>Enter the centre&apos;s name.</source>
        <translation>请输入指挥中心名称。</translation>
    </message>
</context>
<context>
    <name>CentreTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="120"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="120"/>
        <source>Name (shown on briefings)</source>
        <translation>名称（显示在简报上）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="120"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="120"/>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="121"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
</context>
<context>
    <name>CentresTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/centres_tab.py" line="48"/>
        <source>New centre…</source>
        <translation>新建指挥中心…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/centres_tab.py" line="49"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/centres_tab.py" line="79"/>
        <source>Centre {name} added.</source>
        <translation>已添加指挥中心 {name}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/centres_tab.py" line="93"/>
        <source>Centre {name} changed; its next briefing carries the new name.</source>
        <translation>已修改指挥中心 {name}；下一份简报将使用新名称。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="30"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="31"/>
        <source>{name}: at least {n} characters.</source>
        <translation>{name}：密码至少 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="33"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="33"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="34"/>
        <source>&amp;Repeat new password:</source>
        <translation>确认新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/change_password.py" line="39"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CheckedDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/checked.py" line="61"/>
        <source>The text is too long: at most {limit} characters, now {count}.</source>
        <translation>内容过长：最多 {limit} 个字符，当前 {count} 个字符。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="143"/>
        <source>Category: {old} → {new}</source>
        <translation>类别：{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="147"/>
        <source>Grid: {old} → {new}</source>
        <translation>网格：{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="149"/>
        <source>Nothing changes yet: search for the right category or grid.</source>
        <translation>尚未选择更正内容：请查找正确的类别或网格。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="161"/>
        <source>{action} — {case}</source>
        <translation>{action} — {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="162"/>
        <source>{action}: case {case}</source>
        <translation>{action}：案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="163"/>
        <source>Now: {category} · grid {grid} ({community}). The status stays; a new category&apos;s time limit applies to the running stage from its start.</source>
        <translation>当前：{category} · 网格 {grid}（{community}）。案件状态不变；更正类别后，当前环节的时限按新类别自该环节开始时起算。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="167"/>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="168"/>
        <source>New grid</source>
        <translation>新网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="169"/>
        <source>Code, name or pinyin initials; empty keeps it</source>
        <translation>编码、名称或拼音首字母；留空则不变</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="170"/>
        <source>Grid code, name, community or street; empty keeps it</source>
        <translation>网格编码、名称、社区或街道；留空则不变</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="171"/>
        <source>Why is it corrected? *</source>
        <translation>更正原因 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="172"/>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="179"/>
        <source>Choose a category or a grid other than the case&apos;s.</source>
        <translation>请选择与案件当前不同的类别或网格。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/correction.py" line="181"/>
        <source>Say why: the reason is required here.</source>
        <translation>请说明原因：此处必须填写更正原因。</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../../commandcenter/views/csv_export.py" line="46"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/csv_export.py" line="71"/>
        <source>Could not write the file: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/csv_export.py" line="76"/>
        <source>Exported {n} rows to {path} (personal data masked)</source>
        <translation>已导出 {n} 行到 {path}（个人信息已脱敏）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/csv_export.py" line="77"/>
        <source>Exported {n} rows to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="158"/>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="200"/>
        <source>Random load</source>
        <translation>随机负载</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="159"/>
        <source>#{id} {when} — {what} ({cases} cases)</source>
        <translation>#{id} {when} — {what}（{cases} 件案件）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="162"/>
        <source>No drill has run on this database yet.</source>
        <translation>此数据库尚未进行过演练。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="177"/>
        <source>Reading the drill&apos;s case histories…</source>
        <translation>正在读取演练案件的办理记录…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="199"/>
        <source>{what}: {start} to {end}</source>
        <translation>{what}：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="213"/>
        <source>{missing} of {cases} cases missed a goal.</source>
        <translation>{cases} 件案件中有 {missing} 件未达目标。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="214"/>
        <source>No case arrived during this run.</source>
        <translation>本次演练期间没有案件到达。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="221"/>
        <source>Save the debrief</source>
        <translation>保存讲评</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="222"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="240"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="249"/>
        <source>Drill run:</source>
        <translation>演练场次：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="250"/>
        <source>Debrief per operator</source>
        <translation>按值班员讲评</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="251"/>
        <source>Debrief per case</source>
        <translation>按案件讲评</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="252"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="253"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="254"/>
        <source>Register within (min)</source>
        <translation>立案目标（分钟）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="254"/>
        <source>Dispatch within (min)</source>
        <translation>派遣目标（分钟）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/debrief_view.py" line="255"/>
        <source>Urgent dispatched within (min)</source>
        <translation>紧急案件派遣目标（分钟）</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="258"/>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="462"/>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="259"/>
        <source>Reassign case {case}</source>
        <translation>改派案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="260"/>
        <source>Reassign {n} cases to one handler</source>
        <translation>将 {n} 个案件改派给同一承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="262"/>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="462"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="263"/>
        <source>Dispatch case {case}</source>
        <translation>派遣案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="264"/>
        <source>Dispatch {n} cases to one handler</source>
        <translation>将 {n} 个案件派遣给同一承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="265"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="265"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="265"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="265"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="266"/>
        <source>Assignee</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="266"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="267"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="271"/>
        <source>Suggested handlers (best first)</source>
        <translation>推荐承办方（最匹配的在前）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="272"/>
        <source>Suggested handlers for the first case, {case}</source>
        <translation>为第一个案件 {case} 推荐的承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="274"/>
        <source>Name, employee number or pinyin initials — Up/Down to choose</source>
        <translation>姓名、工号或拼音首字母 — 用上/下方向键选择</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="275"/>
        <source>To top suggestion (Ctrl+D)</source>
        <translation>派给首位推荐（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="276"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="276"/>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="532"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="340"/>
        <source>officer</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="340"/>
        <source>department</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="343"/>
        <source>— currently assigned</source>
        <translation>— 当前承办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="352"/>
        <source>No suggestion for this case: find a handler below.</source>
        <translation>该案件没有推荐：请在下方查找承办方。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="404"/>
        <source>Or find any officer or department ({shown} of {total} listed; type to narrow)</source>
        <translation>或查找任一网格员或职能部门（共 {total} 个，列出 {shown} 个；输入文字可缩小范围）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="407"/>
        <source>Or find any officer or department</source>
        <translation>或查找任一网格员或职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="416"/>
        <source>open cases: {n}</source>
        <translation>在办案件：{n}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="418"/>
        <source>currently assigned</source>
        <translation>当前承办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="464"/>
        <source>{verb} (Enter)</source>
        <translation>{verb}（Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="466"/>
        <source>{verb} to {name} (Enter)</source>
        <translation>{verb}给 {name}（Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="475"/>
        <source>Choose a suggestion or find a handler first.</source>
        <translation>请先选择推荐项或查找承办方。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="482"/>
        <source>There is no suggestion: find a handler by name.</source>
        <translation>没有推荐：请按姓名查找承办方。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="510"/>
        <source>sent to {name}</source>
        <translation>已派给 {name}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="519"/>
        <source>not sent</source>
        <translation>未派出</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="529"/>
        <source>{done} of {total} cases sent; not sent:</source>
        <translation>{total} 个案件中已派出 {done} 个；未派出的：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/dispatch.py" line="547"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>DisplayActions</name>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="70"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="71"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="72"/>
        <source>&amp;Dark (control room)</source>
        <translation>深色（指挥大厅）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="73"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="74"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="75"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="76"/>
        <source>Alert &amp;sound</source>
        <translation>提示音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="77"/>
        <source>A short sound with each urgent arrival</source>
        <translation>每个紧急案件到达时响一声提示音</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="78"/>
        <source>&amp;Wall mode (big screen)</source>
        <translation>大屏模式(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/display_menu.py" line="79"/>
        <source>Full screen on the second monitor when there is one; Esc leaves</source>
        <translation>有第二台显示器时在其上全屏显示；按 Esc 退出</translation>
    </message>
</context>
<context>
    <name>DrillScreen</name>
    <message>
        <location filename="../../commandcenter/views/drill/__init__.py" line="14"/>
        <location filename="../../commandcenter/views/drill/screen.py" line="355"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="173"/>
        <source>Open a scenario</source>
        <translation>打开演练脚本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="174"/>
        <source>Scenarios (*.yaml *.yml *.json)</source>
        <translation>演练脚本 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="181"/>
        <source>New cases arrive at random at the rate below, with the field&apos;s answers; nothing is scripted.</source>
        <translation>新案件按下方频率随机到达，并有一线的处置反馈；不按脚本进行。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="231"/>
        <source>Random load needs a rate above 0 cases a minute.</source>
        <translation>随机负载需要大于每分钟 0 件的频率。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="233"/>
        <source>Starting the drill…</source>
        <translation>正在开始演练…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="248"/>
        <source>Stopping the drill…</source>
        <translation>正在停止演练…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="251"/>
        <source>Drill #{id} running.</source>
        <translation>演练 #{id} 进行中。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="263"/>
        <source>Drill #{id} stopped: its debrief is below.</source>
        <translation>演练 #{id} 已停止：讲评见下方。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="278"/>
        <source>{done} of {total} scenario items</source>
        <translation>脚本条目 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="280"/>
        <source>Next item at +{at}</source>
        <translation>下一条目于 +{at}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="281"/>
        <source>No scenario item left</source>
        <translation>脚本条目已全部播放</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="282"/>
        <source>Scenario time {elapsed} of {length}, at {speed:g}×</source>
        <translation>脚本时间 {elapsed} / {length}，{speed:g} 倍速</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="286"/>
        <source>{cases} cases fed ({registered} registered at intake), {accepted} accepted, {fed_back} fed back, {sent_back} sent back, {escalations} escalations, {events} field events</source>
        <translation>已送入 {cases} 件案件（受理时立案 {registered} 件），签收 {accepted} 件，反馈 {fed_back} 件，退回 {sent_back} 件，催督办 {escalations} 次，现场事件 {events} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="294"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="294"/>
        <source>Starting</source>
        <translation>正在开始</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="294"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="295"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="296"/>
        <source>Scenario played; the field goes on answering until you stop</source>
        <translation>脚本已播放完毕；一线会继续处置反馈，直到停止演练</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="297"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="299"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="299"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="314"/>
        <source>Reset the demo</source>
        <translation>重置演示数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="315"/>
        <source>Put the demo database back as it was generated? Every case, dispatch and position of every drill since is undone, for every seat.</source>
        <translation>将演示数据库恢复到生成时的状态？此后所有演练产生的案件、派遣和位置都将撤销，对所有席位生效。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="325"/>
        <source>Resetting the demo…</source>
        <translation>正在重置演示数据…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="331"/>
        <source>The demo is as generated again: {before} cases before the reset, {after} now.</source>
        <translation>演示数据已恢复到生成时的状态：重置前 {before} 件案件，现在 {after} 件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="346"/>
        <source>Random load only</source>
        <translation>仅随机负载</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="347"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="348"/>
        <source>Scenario:</source>
        <translation>演练脚本：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="348"/>
        <source>Random cases a minute:</source>
        <translation>每分钟随机案件数：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="349"/>
        <source>Speed:</source>
        <translation>倍速：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="349"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="351"/>
        <source>With a scenario: background load besides it (0: none)</source>
        <translation>使用脚本时：脚本之外的背景负载（0 为无）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="352"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="353"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="354"/>
        <source>Reset demo…</source>
        <translation>重置演示数据…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/screen.py" line="356"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>DuplicateOffer</name>
    <message>
        <location filename="../../commandcenter/widgets/intake/duplicate_offer.py" line="90"/>
        <source>Likely duplicate</source>
        <translation>疑似重复案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/intake/duplicate_offer.py" line="91"/>
        <source>Open case of the same category nearby: if it is the same problem, merge the call into it.</source>
        <translation>附近有同类别的在办案件：如是同一问题，请将来电并入该案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/intake/duplicate_offer.py" line="93"/>
        <source>&amp;Merge into this case</source>
        <translation>并入此案件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/intake/duplicate_offer.py" line="94"/>
        <source>Register as &amp;new</source>
        <translation>作为新案件登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/intake/duplicate_offer.py" line="97"/>
        <source>{number}  {time}  {status}  {distance:.0f} m  {text}</source>
        <translation>{number}  {time}  {status}  {distance:.0f} 米  {text}</translation>
    </message>
</context>
<context>
    <name>DuplicateRulesBox</name>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="48"/>
        <source>Likely duplicates: the same category within {m:.0f} m and {h:g} h.</source>
        <translation>疑似重复案件：{m:.0f} 米、{h:g} 小时内的同类别案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="57"/>
        <source>Likely duplicates at intake</source>
        <translation>登记时的疑似重复案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="58"/>
        <source>Offer open cases of the same category within</source>
        <translation>提示以下范围内同类别的在办案件：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="59"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="60"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/duplicate_rules.py" line="61"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EarlierCasesPanel</name>
    <message>
        <location filename="../../commandcenter/views/intake/earlier_panel.py" line="118"/>
        <source>Earlier cases from {phone}: {n}</source>
        <translation>{phone} 的历史案件：{n} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/earlier_panel.py" line="119"/>
        <source>Earlier cases from this number appear here</source>
        <translation>该号码的历史案件显示在此</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/earlier_panel.py" line="121"/>
        <source>Earlier cases within 50 m: {n}</source>
        <translation>50 米内的历史案件：{n} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/earlier_panel.py" line="122"/>
        <source>Earlier cases at this place appear here</source>
        <translation>该地点的历史案件显示在此</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <location filename="../../commandcenter/views/wall_escalations.py" line="58"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_escalations.py" line="78"/>
        <source>Supervision 督办</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_escalations.py" line="78"/>
        <source>Reminder 催办</source>
        <translation>催办</translation>
    </message>
</context>
<context>
    <name>FieldStepDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="37"/>
        <source>Why is the case not the handler&apos;s? *</source>
        <translation>为什么该案件不属于该承办方？ *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="38"/>
        <source>What should the grid officer look at? (optional)</source>
        <translation>需要网格员核查什么？（选填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="39"/>
        <source>What did the grid officer find on site? *</source>
        <translation>网格员现场核查情况？ *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="40"/>
        <source>What is still not resolved? *</source>
        <translation>还有什么问题未解决？ *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="41"/>
        <source>What did the reporter say?</source>
        <translation>反映人怎么说？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="44"/>
        <source>The case returns to the centre for a new dispatch; the send-back counts against the dispatch accuracy (派遣准确率).</source>
        <translation>案件退回指挥中心重新派遣；退回计入派遣准确率。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="46"/>
        <source>The grid officer responsible for grid {grid} checks the result on site; the centre closes after the check.</source>
        <translation>由网格 {grid} 的责任网格员现场核查处置结果；核查后由指挥中心结案。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="48"/>
        <source>The case goes back to the centre to be closed.</source>
        <translation>案件回到指挥中心等待结案。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="49"/>
        <source>The case goes back to its handler for rework.</source>
        <translation>案件退回承办方返工。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="50"/>
        <source>Call {reporter} back about the result. A supervisor can reopen the case when the reporter is not satisfied.</source>
        <translation>就处置结果回访{reporter}。反映人不满意时，值班长可重新办理该案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="54"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="55"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="56"/>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="122"/>
        <source>{action} — {case}</source>
        <translation>{action} — {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="123"/>
        <source>{action}: case {case}</source>
        <translation>{action}：案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="124"/>
        <source>{category} · grid {grid} · {status} · {handler}</source>
        <translation>{category} · 网格 {grid} · {status} · {handler}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="128"/>
        <source>the reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="130"/>
        <source>Evidence: photo or file reference (optional)</source>
        <translation>佐证：照片或文件编号（选填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="131"/>
        <source>e.g. IMG_20261125_1032.jpg</source>
        <translation>例如 IMG_20261125_1032.jpg</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="133"/>
        <source>Answer *</source>
        <translation>回访结果 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="137"/>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="156"/>
        <source>Choose the reporter&apos;s answer.</source>
        <translation>请选择反映人的评价。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/field_steps.py" line="160"/>
        <source>Say why: the note is required here.</source>
        <translation>请说明原因：此处必须填写说明。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="40"/>
        <source>First start — Grid Command Centre</source>
        <translation>首次启动 — 网格化指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="42"/>
        <source>Nobody can sign in to this database yet ({db}). Create its first administrator: the account that adds the other users.</source>
        <translation>此数据库（{db}）尚无可登录的用户。请创建第一个管理员：由该账号添加其他用户。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="45"/>
        <source>&amp;Command centre:</source>
        <translation>指挥中心(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="45"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="46"/>
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="46"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="47"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="49"/>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/first_admin.py" line="53"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="31"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="31"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="31"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="31"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="31"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="32"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/follow_ups.py" line="32"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../commandcenter/views/follow_ups.py" line="84"/>
        <source>Record the answer (Enter)</source>
        <translation>记录回访结果（Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/follow_ups.py" line="90"/>
        <source>{n} reporters to call back, {late} of them past the window</source>
        <translation>待回访 {n} 人，其中 {late} 人已超期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/follow_ups.py" line="113"/>
        <source>Could not load the follow-ups: {error}</source>
        <translation>无法加载回访清单：{error}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/follow_ups.py" line="145"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>GridSketch</name>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="62"/>
        <source>No grids assigned</source>
        <translation>未分配网格</translation>
    </message>
</context>
<context>
    <name>HandoverListModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="172"/>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="172"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="172"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="172"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="172"/>
        <source>Written by</source>
        <translation>填写人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="173"/>
        <source>Signed</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="173"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="173"/>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="173"/>
        <source>Notes</source>
        <translation>交班说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="186"/>
        <source> (correction to #{id})</source>
        <translation>（更正 #{id}）</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="34"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="35"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="36"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/screen.py" line="78"/>
        <source>This shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/screen.py" line="80"/>
        <source>To acknowledge</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/screen.py" line="81"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/screen.py" line="93"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="282"/>
        <source>Add to the calendar</source>
        <translation>加入日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="283"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="283"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="283"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="283"/>
        <source>Day of the week</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="284"/>
        <source>e.g. 国庆节</source>
        <translation>例如：国庆节</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="289"/>
        <source>Only a Saturday or Sunday can become an adjusted working day.</source>
        <translation>只有星期六或星期日可以设为调休工作日。</translation>
    </message>
</context>
<context>
    <name>HolidayTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="195"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="195"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="195"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="79"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="80"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="81"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="82"/>
        <source>Load the year from a CSV file…</source>
        <translation>从 CSV 文件导入该年…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="83"/>
        <source>Replaces the chosen year&apos;s holidays and adjusted working days with the file&apos;s rows (date,kind,name) and marks the year complete</source>
        <translation>用文件中的行（date,kind,name）替换所选年份的节假日和调休工作日，并将该年标记为完整</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="127"/>
        <source>{day} added to the calendar.</source>
        <translation>已将 {day} 加入日历。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="139"/>
        <source>{day} removed from the calendar.</source>
        <translation>已从日历中删除 {day}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="143"/>
        <source>Load {year} from a CSV file</source>
        <translation>从 CSV 文件导入 {year} 年</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="144"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="148"/>
        <source>Replace {year}?</source>
        <translation>替换 {year} 年？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="149"/>
        <source>{year} already has {n} holidays and adjusted working days. Replace them with the file&apos;s?</source>
        <translation>{year} 年已有 {n} 个节假日和调休工作日。要用文件中的内容替换吗？</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/holidays_tab.py" line="159"/>
        <source>{year}: {n} holidays and adjusted working days loaded.</source>
        <translation>{year} 年：已导入 {n} 个节假日和调休工作日。</translation>
    </message>
</context>
<context>
    <name>HotlineReplyField</name>
    <message>
        <location filename="../../commandcenter/widgets/intake/reply_field.py" line="36"/>
        <source>Reply to the 12345 hotline</source>
        <translation>回复 12345 热线</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/intake/reply_field.py" line="37"/>
        <source>What the hotline tells the caller: the result of the work order</source>
        <translation>热线告知来电人的内容：工单办理结果</translation>
    </message>
</context>
<context>
    <name>ImportRefused</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/import_refused.py" line="26"/>
        <source>{file}: nothing was imported. Fix these {n} problem(s) and import the file again:</source>
        <translation>{file}：未导入任何数据。请修正以下 {n} 个问题后重新导入：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/import_refused.py" line="30"/>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="132"/>
        <source>Write the answer given on the call.</source>
        <translation>请填写电话中给出的答复。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="161"/>
        <source>A likely duplicate was found: merge the call into it, or register it as new.</source>
        <translation>发现疑似重复案件：请将来电并入该案件，或作为新案件登记。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="203"/>
        <source>12345 work order</source>
        <translation>12345 工单</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="204"/>
        <source>Work order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="206"/>
        <source>The hotline&apos;s own number</source>
        <translation>热线系统的工单编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="207"/>
        <source>Hotline due</source>
        <translation>热线时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="208"/>
        <source>Answered on the call (直接答复)</source>
        <translation>直接答复</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="209"/>
        <source>The caller&apos;s question was answered on the phone: the case closes now with the answer, nobody is dispatched</source>
        <translation>来电问题已在电话中答复：案件随答复即时办结，无需派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/intake/panel.py" line="211"/>
        <source>The answer given (required)</source>
        <translation>答复内容（必填）</translation>
    </message>
</context>
<context>
    <name>IntakePhotos</name>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="214"/>
        <source>Photos…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="215"/>
        <source>Photos the caller sent, stored with the case when it is saved</source>
        <translation>来电人发送的照片，案件保存时一并保存</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="224"/>
        <source>Photos the caller sent</source>
        <translation>来电人发送的照片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="225"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="32"/>
        <source>Issued</source>
        <translation>印发时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="32"/>
        <source>By</source>
        <translation>印发人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="32"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="32"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="32"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="48"/>
        <source>Day {day}</source>
        <translation>{day} 全天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/briefing.py" line="49"/>
        <source>Shift {start} to {end}</source>
        <translation>班次 {start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>JointDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="81"/>
        <source>{action} — {case}</source>
        <translation>{action} — {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="82"/>
        <source>{action}: case {case}</source>
        <translation>{action}：案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="85"/>
        <source>{lead} leads (主办); a supporting unit (协办) feeds back its part before the lead&apos;s feedback.</source>
        <translation>{lead} 为主办单位；协办单位须在主办单位反馈前反馈各自办理情况。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="87"/>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="92"/>
        <source>Supporting unit *</source>
        <translation>协办单位 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="88"/>
        <source>What is asked of it (optional)</source>
        <translation>协办事项（可选）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="90"/>
        <source>The part of a supporting unit; {lead} feeds back once every part is in.</source>
        <translation>协办单位的办理情况；各协办单位均反馈后，{lead} 方可反馈。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="93"/>
        <source>What the unit did *</source>
        <translation>该单位的办理情况 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="94"/>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="99"/>
        <source>There is no supporting unit to choose.</source>
        <translation>没有可选的协办单位。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/joint.py" line="101"/>
        <source>Say what the unit did: the note is required here.</source>
        <translation>请填写该单位的办理情况：此处必须填写。</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="128"/>
        <source>Search notes, items, case numbers, authors or a date (YYYY-MM-DD)</source>
        <translation>搜索交班说明、事项、案件编号、填写人或日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="132"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="132"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="132"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="133"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="138"/>
        <source>Signed handovers waiting for a supervisor to acknowledge them</source>
        <translation>已签字、等待值班长确认的交接班记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="139"/>
        <source>Acknowledge</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="140"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="141"/>
        <source>Add correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="142"/>
        <source>Export records…</source>
        <translation>导出记录…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="143"/>
        <source>Every handover record with its notes and pending items as a CSV file</source>
        <translation>将全部交接班记录及其交班说明和待办事项导出为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="204"/>
        <source>Handover #{id} acknowledged</source>
        <translation>交接班记录 #{id} 已确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="216"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="217"/>
        <source>This handover is acknowledged and stays as it is. Write the correction note:</source>
        <translation>该交接班记录已确认，将保持原样。请填写更正说明：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="222"/>
        <source>Correction #{id} added</source>
        <translation>已添加更正 #{id}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/list_tab.py" line="232"/>
        <source>Export handover records</source>
        <translation>导出交接班记录</translation>
    </message>
</context>
<context>
    <name>LocationPicker</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="157"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="158"/>
        <source>Lon / &amp;lat</source>
        <translation>经度 / 纬度(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="160"/>
        <source>Longitude, e.g. 119.0075 (or paste “lon, lat”)</source>
        <translation>经度，如 119.0075（或粘贴“经度, 纬度”）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="161"/>
        <source>Latitude, e.g. 25.4312</source>
        <translation>纬度，如 25.4312</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="162"/>
        <source>WGS-84 (GPS)</source>
        <translation>WGS-84（GPS）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="163"/>
        <source>GCJ-02 (Amap, Tencent, WeChat)</source>
        <translation>GCJ-02（高德、腾讯、微信）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="164"/>
        <source>What the typed coordinates are in: points read off Amap, Tencent or WeChat are GCJ-02, hundreds of metres from GPS (WGS-84)</source>
        <translation>所输入坐标的坐标系：从高德、腾讯或微信读取的点为 GCJ-02，与 GPS（WGS-84）相差数百米</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="166"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="167"/>
        <source>Pick on &amp;map</source>
        <translation>地图选点(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="168"/>
        <source>Click the location on the map screen (Alt+M, or Space here)</source>
        <translation>在地图界面上点击位置（Alt+M，或在此按空格键）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="169"/>
        <source>Pick on map</source>
        <translation>在地图上选点</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="170"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="171"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="175"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="176"/>
        <source>Type characters or pinyin initials (hxl for 华兴路); Up/Down choose, Enter picks and fills the coordinates and grid (Alt+A)</source>
        <translation>输入汉字或拼音首字母（如 hxl 查 华兴路）；上/下键选择，回车选定并填入坐标和网格（Alt+A）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="178"/>
        <source>Address suggestions</source>
        <translation>地址候选</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="179"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="180"/>
        <source>Or choose</source>
        <translation>或选择</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="186"/>
        <source>Road and number, landmark, compound, village — or pinyin initials</source>
        <translation>道路门牌、地标、小区、村庄，或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="172"/>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="181"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="173"/>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="182"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="174"/>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="183"/>
        <source>Unit grid</source>
        <translation>单元网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="184"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="364"/>
        <source>Outside every grid — check the coordinates</source>
        <translation>不在任何网格内 — 请检查坐标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="366"/>
        <source>This point is outside China, where GCJ-02 does not apply: choose WGS-84 or check the coordinates</source>
        <translation>该点在中国境外，不适用 GCJ-02：请选择 WGS-84 或核对坐标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="370"/>
        <source>Finding the grid…</source>
        <translation>正在查找所属网格…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="372"/>
        <source>Enter both longitude and latitude as numbers</source>
        <translation>请以数字形式输入经度和纬度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="374"/>
        <source>Click the location on the map…</source>
        <translation>请在地图上点击位置…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="376"/>
        <source>{grid} (chosen from the list)</source>
        <translation>{grid}（从列表中选择）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="379"/>
        <source>Enter coordinates, pick on the map, or choose street → community → grid</source>
        <translation>输入坐标、在地图上选点，或依次选择街道 → 社区 → 网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/location_picker.py" line="387"/>
        <source>{code} · {name} ({community}, {street})</source>
        <translation>{code} · {name}（{community}，{street}）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../commandcenter/views/signin/idle_lock.py" line="89"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/idle_lock.py" line="90"/>
        <source>Signed in: {name} ({user}). Enter your password to continue.</source>
        <translation>当前登录：{name}（{user}）。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/idle_lock.py" line="92"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/idle_lock.py" line="93"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/idle_lock.py" line="94"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="37"/>
        <source>Sign in — Grid Command Centre</source>
        <translation>登录 — 网格化指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="38"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="39"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="40"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="41"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/signin/login.py" line="46"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="297"/>
        <source> [DEMO]</source>
        <translation> [演示]</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="299"/>
        <source>Grid Command Centre — {centre} — {db}{demo}</source>
        <translation>网格化指挥中心 — {centre} — {db}{demo}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="303"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="304"/>
        <source>&amp;Import Open311 requests…</source>
        <translation>导入 Open311 请求(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="305"/>
        <source>&amp;Export Open311 requests…</source>
        <translation>导出 Open311 请求(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="306"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="307"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="308"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="310"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="311"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="312"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="313"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="314"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="315"/>
        <source>&amp;Keyboard shortcuts (F1 on the wall)</source>
        <translation>键盘快捷键(&amp;K)（在案件墙上按 F1）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="316"/>
        <source>&amp;About Grid Command Centre</source>
        <translation>关于网格化指挥中心(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="318"/>
        <source>{name} ({role}) · {centre}</source>
        <translation>{name}（{role}）· {centre}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="322"/>
        <source>&amp;Go to screen</source>
        <translation>转到界面(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="326"/>
        <source>Another seat or an import is writing; retrying…</source>
        <translation>其他席位或导入正在写入，正在重试…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="360"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="364"/>
        <source>⚠ No holiday calendar for {years}</source>
        <translation>⚠ 缺少 {years} 年节假日日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="366"/>
        <source>Working-time limits in {years} count Monday to Friday only, without public holidays or adjusted working weekends. An administrator should add that year&apos;s calendar once it is announced.</source>
        <translation>{years} 年的工作时限仅按周一至周五计算，未计入法定节假日和调休。请管理员在该年安排公布后补录日历。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="370"/>
        <source>Open {open} · Overdue {overdue} · Reported {reported}</source>
        <translation>在办 {open} · 超时 {overdue} · 待立案 {reported}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="411"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="412"/>
        <source>Changes from other seats appear within a second</source>
        <translation>其他席位的变更会在一秒内显示</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="415"/>
        <source>Database unreachable — retrying</source>
        <translation>无法连接数据库 — 正在重试</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="428"/>
        <source>About Grid Command Centre</source>
        <translation>关于网格化指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="430"/>
        <source>&lt;b&gt;Grid Command Centre&lt;/b&gt; {version}&lt;br&gt;Case wall, dispatch, roster, grid maps, handovers and briefings for grid command centres.&lt;br&gt;&lt;br&gt;Database: {db}&lt;br&gt;Schema: {schema}&lt;br&gt;Log file: {log}</source>
        <translation>&lt;b&gt;网格化指挥中心&lt;/b&gt; {version}&lt;br&gt;为网格化管理指挥中心提供案件墙、派遣、网格员名册、网格地图、交接班和简报。&lt;br&gt;&lt;br&gt;数据库：{db}&lt;br&gt;数据库结构版本：{schema}&lt;br&gt;日志文件：{log}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/main_window.py" line="446"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="136"/>
        <source>0 / no data</source>
        <translation>0 / 无数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="137"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="138"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="139"/>
        <source>Officers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="140"/>
        <source>Grid {code}</source>
        <translation>网格 {code}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="143"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="144"/>
        <source>High</source>
        <translation>较急</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="145"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="146"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="149"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="150"/>
        <source>In the field</source>
        <translation>外勤</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="151"/>
        <source>Off duty</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="152"/>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="154"/>
        <source>Grid map</source>
        <translation>网格地图</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/map/canvas.py" line="155"/>
        <source>Map legend</source>
        <translation>地图图例</translation>
    </message>
    <message numerus="yes">
        <location filename="../../commandcenter/widgets/map/canvas.py" line="547"/>
        <source>%n open case(s)</source>
        <translation>
            <numerusform>在办案件 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="229"/>
        <source>Colour grids by</source>
        <translation>网格着色依据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="232"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="233"/>
        <source>Unit grids</source>
        <translation>单元网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="233"/>
        <source>Community and street boundaries</source>
        <translation>社区和街道边界</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="234"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="234"/>
        <source>Officers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="234"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="235"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="235"/>
        <source>Names</source>
        <translation>名称标注</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="238"/>
        <source>Only on duty or in the field</source>
        <translation>仅显示在岗或外勤</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="239"/>
        <source>Zoom to</source>
        <translation>定位到</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="240"/>
        <source>Street or community (name or initials)</source>
        <translation>街道或社区（名称或拼音首字母）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="241"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="242"/>
        <source>Import grids (GeoJSON)…</source>
        <translation>导入网格（GeoJSON）…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="244"/>
        <source>Unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)</source>
        <translation>从 GeoJSON 面要素集合（FeatureCollection，含编码和名称，WGS84）导入单元网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="245"/>
        <source> — needs the import permission (administrators)</source>
        <translation> — 需要导入权限（管理员）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="246"/>
        <source>Load basemap image…</source>
        <translation>加载底图图片…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="247"/>
        <source>A north-up image with a world file (.pgw, .jgw, .wld); no internet connection is needed</source>
        <translation>上北下南的图片，附坐标文件（.pgw、.jgw、.wld）；无需联网</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="249"/>
        <source>Remove basemap</source>
        <translation>移除底图</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="250"/>
        <source>Load tile basemap (MBTiles)…</source>
        <translation>加载瓦片底图 (MBTiles)…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="251"/>
        <source>An offline MBTiles package; a tile server URL is set with COMMANDCENTER_BASEMAP (see the README)</source>
        <translation>离线 MBTiles 瓦片包；瓦片服务地址用 COMMANDCENTER_BASEMAP 设置（见 README）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="253"/>
        <source>Tiles in WGS-84 (天地图)</source>
        <translation>瓦片为 WGS-84 坐标（天地图）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="254"/>
        <source>Tiles in GCJ-02 (Amap, Tencent)</source>
        <translation>瓦片为 GCJ-02 坐标（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="255"/>
        <source>Click the map to pick the location for the new case (Esc cancels)</source>
        <translation>在地图上点击，为新案件选取位置（按 Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="256"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="278"/>
        <source>{measure}: loading…</source>
        <translation>{measure}：加载中…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="330"/>
        <source>The map could not be read: {error}</source>
        <translation>无法读取地图：{error}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="360"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="363"/>
        <source>No unit grids yet: import them from a GeoJSON file.</source>
        <translation>尚无单元网格：请从 GeoJSON 文件导入。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="366"/>
        <source>{grids} unit grids · cases and officers loading…</source>
        <translation>{grids} 个单元网格 · 案件和网格员加载中…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="371"/>
        <source>{grids} unit grids · {cases} open cases · {shown} of {placed} placed officers shown</source>
        <translation>单元网格 {grids} 个 · 在办案件 {cases} 件 · 有定位的网格员 {placed} 名，显示 {shown} 名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="494"/>
        <source>Picked {lon:.6f}, {lat:.6f}</source>
        <translation>已选取 {lon:.6f}, {lat:.6f}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="499"/>
        <source>Import unit grids</source>
        <translation>导入单元网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="500"/>
        <source>GeoJSON (*.geojson *.json);;All files (*)</source>
        <translation>GeoJSON 文件 (*.geojson *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="507"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="514"/>
        <source>Imported {created} new and {updated} changed grids from {file}; created {districts} districts, {streets} streets, {communities} communities.</source>
        <translation>已从 {file} 导入网格：新增 {created} 个，更新 {updated} 个；新建区/县 {districts} 个、街道 {streets} 个、社区 {communities} 个。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="520"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_view.py" line="543"/>
        <source>Map</source>
        <translation>网格地图</translation>
    </message>
</context>
<context>
    <name>MapWarnings</name>
    <message>
        <location filename="../../commandcenter/views/map_warnings.py" line="51"/>
        <source>Early warnings (hot cells, clusters)</source>
        <translation>预警（热点网格、聚集范围）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/map_warnings.py" line="52"/>
        <source>Open warnings: their grids tinted, clusters outlined; click one to see its cases</source>
        <translation>待处理预警：相关网格以斜线标出，聚集以虚线圈出；单击查看其案件</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="286"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="287"/>
        <source>Call</source>
        <translation>接报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="288"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="289"/>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="293"/>
        <source>&amp;Priority</source>
        <translation>紧急程度(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="317"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="320"/>
        <source>Type a code, Chinese, English or pinyin initials (e.g. ldbl) — Up/Down to choose</source>
        <translation>输入编码、中文、英文或拼音首字母（如 ldbl）— 用上/下方向键选择</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="322"/>
        <source>&amp;Description *</source>
        <translation>问题描述(&amp;D) *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="324"/>
        <source>What the caller reports (required)</source>
        <translation>反映人所述问题（必填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="325"/>
        <source>&amp;Reporter</source>
        <translation>反映人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="327"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="328"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="309"/>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="329"/>
        <source>Register at once</source>
        <translation>立即立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="297"/>
        <source>Keys 1–4: urgent, high, normal, low (Alt+P)</source>
        <translation>数字键 1–4：紧急、较急、一般、低（Alt+P）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="298"/>
        <source>Where the report came from (Alt+S)</source>
        <translation>案件来源（Alt+S）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="299"/>
        <source>Up/Down choose, Enter goes on (Alt+C); left empty, a category the description names is offered</source>
        <translation>上/下键选择，回车继续（Alt+C）；留空时按问题描述中提到的类别推荐</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="301"/>
        <source>What the caller reports (Alt+D); Tab goes on</source>
        <translation>来电反映的问题（Alt+D）；Tab 键继续</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="302"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="302"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="303"/>
        <source>Category search</source>
        <translation>类别搜索</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="304"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="305"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="306"/>
        <source>Reporter name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="307"/>
        <source>Reporter phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="308"/>
        <source>Reporter privacy</source>
        <translation>反映人保密方式</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="310"/>
        <source>Solved on the spot</source>
        <translation>即时办结</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="311"/>
        <source>What was done on the spot</source>
        <translation>现场处置情况</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="313"/>
        <source>Save case</source>
        <translation>保存案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="314"/>
        <source>Save and dispatch</source>
        <translation>保存并派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="315"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="330"/>
        <source>Named</source>
        <translation>实名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="330"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="331"/>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="334"/>
        <source>Anonymous and confidential reporters are never shown by name nor called back</source>
        <translation>匿名和保密的反映人不显示姓名，也不回访</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="336"/>
        <source>Solved on the spot by the grid officer</source>
        <translation>网格员已即时办结</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="337"/>
        <source>What was done (required)</source>
        <translation>处置情况（必填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="418"/>
        <source>Category from the description: {code} {name} ({major}) — type to choose another</source>
        <translation>按问题描述推荐的类别：{code} {name}（{major}）——输入可另选</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="424"/>
        <source>Category: {code} {name} ({major})</source>
        <translation>类别：{code} {name}（{major}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="312"/>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="338"/>
        <source>Photo reference</source>
        <translation>照片编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="339"/>
        <source>Save case (Ctrl+Enter)</source>
        <translation>保存案件（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="340"/>
        <source>Save the case (Ctrl+Enter)</source>
        <translation>保存案件（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="341"/>
        <source>Register and dispatch (Ctrl+Shift+Enter)</source>
        <translation>立案并派遣（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="342"/>
        <source>Register the case and dispatch it to the first recommended handler (Ctrl+Shift+Enter)</source>
        <translation>将案件立案并派遣给推荐的第一个承办方（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="400"/>
        <source>{major} ({code})</source>
        <translation>{major}（{code}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="414"/>
        <source>No category chosen yet</source>
        <translation>尚未选择类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="456"/>
        <source>Choose a category: type into the category search.</source>
        <translation>请选择类别：在类别搜索框中输入。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="459"/>
        <source>A description is required.</source>
        <translation>必须填写问题描述。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="464"/>
        <source>Enter both longitude and latitude as numbers.</source>
        <translation>请以数字形式输入经度和纬度。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="467"/>
        <source>This point is outside China, where GCJ-02 does not apply: choose WGS-84 or check the coordinates.</source>
        <translation>该点在中国境外，不适用 GCJ-02：请选择 WGS-84 或核对坐标。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="478"/>
        <source>A location is required: coordinates, a point on the map or a grid.</source>
        <translation>必须提供位置：坐标、地图上的点或网格。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="481"/>
        <source>Say what the grid officer did on the spot.</source>
        <translation>请填写网格员现场处置情况。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/new_case.py" line="555"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>OfficerPageDialog</name>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="162"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="163"/>
        <source>Read the page again ({key})</source>
        <translation>重新读取本页（{key}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="165"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="165"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="165"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="165"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="166"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="167"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="167"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="167"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="168"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="168"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="168"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="169"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="170"/>
        <source>Duty changes</source>
        <translation>在岗状态变更</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="171"/>
        <source>Positions</source>
        <translation>位置记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="172"/>
        <source>The officer&apos;s grids</source>
        <translation>网格员的网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="179"/>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="180"/>
        <source>Officer</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="181"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="184"/>
        <source>Officer {name}</source>
        <translation>网格员 {name}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="185"/>
        <source>{name} ({number}) · {duty}</source>
        <translation>{name}（{number}）· {duty}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="187"/>
        <source>Last seen {time} in {place}</source>
        <translation>最后位置：{time}，{place}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="189"/>
        <source>No position reported</source>
        <translation>未上报位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="192"/>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="193"/>
        <source>Grids: {grids}</source>
        <translation>网格：{grids}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="215"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="227"/>
        <source>Open cases ({n})</source>
        <translation>在办案件（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="227"/>
        <source>Duty changes ({n})</source>
        <translation>在岗状态变更（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/officer_page.py" line="227"/>
        <source>Positions ({n})</source>
        <translation>位置记录（{n}）</translation>
    </message>
</context>
<context>
    <name>OfficerRosterModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="109"/>
        <source>Cases assigned to the officer and not yet closed (click to sort by load)</source>
        <translation>分派给该网格员且尚未结案的案件（点击按工作量排序）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="103"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="103"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="103"/>
        <source>Duty status</source>
        <translation>在岗状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="103"/>
        <source>Shift now</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="104"/>
        <source>Grids</source>
        <translation>负责网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="104"/>
        <source>Street / community</source>
        <translation>街道 / 社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="104"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="104"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="105"/>
        <source>Last position</source>
        <translation>最近位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="105"/>
        <source>Seen</source>
        <translation>定位时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="105"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="137"/>
        <source>never</source>
        <translation>从未定位</translation>
    </message>
</context>
<context>
    <name>Open311Files</name>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="47"/>
        <location filename="../../commandcenter/views/open311_files.py" line="82"/>
        <location filename="../../commandcenter/views/open311_files.py" line="88"/>
        <source>Import Open311 requests</source>
        <translation>导入 Open311 请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="48"/>
        <location filename="../../commandcenter/views/open311_files.py" line="63"/>
        <source>Open311 request files (*.json)</source>
        <translation>Open311 请求文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="61"/>
        <source>Export Open311 requests</source>
        <translation>导出 Open311 请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="83"/>
        <source>{created} requests imported as cases, {unchanged} already present.</source>
        <translation>{created} 条请求已导入为案件，{unchanged} 条已存在。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="89"/>
        <source>The file was not imported; nothing changed.

{reason}</source>
        <translation>文件未导入，未做任何更改。

{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="93"/>
        <source>Exported {n} Open311 requests to {path} (personal data masked)</source>
        <translation>已导出 {n} 条 Open311 请求到 {path}（个人信息已脱敏）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="94"/>
        <source>Exported {n} Open311 requests to {path}</source>
        <translation>已导出 {n} 条 Open311 请求到 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/open311_files.py" line="100"/>
        <source>Could not write the file: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>OperatorModel</name>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="48"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="48"/>
        <source>Registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="48"/>
        <source>Mean to register</source>
        <translation>平均立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="48"/>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="49"/>
        <source>Mean to dispatch</source>
        <translation>平均派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="49"/>
        <source>Goals missed</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/drill/models.py" line="49"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <location filename="../../commandcenter/views/outage_banner.py" line="63"/>
        <source>The database server cannot be reached since {time}. What you see is as it was then; new actions are refused until the connection is back. Reconnecting by itself…</source>
        <translation>自 {time} 起无法连接数据库服务器。屏幕上显示的是当时的状态；连接恢复前不受理新的操作。正在自动重新连接…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="125"/>
        <source>New password for {user}</source>
        <translation>{user} 的新密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="126"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="126"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="61"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="64"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PendingItemsModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="95"/>
        <source>Done</source>
        <translation>已办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="95"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="95"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/handover.py" line="95"/>
        <source>What to do</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>PermissionMatrixModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="83"/>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
</context>
<context>
    <name>PermissionsTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="169"/>
        <source>Tick a cell to let a role do something; clear it to take the right away. A change applies from the next action of that role&apos;s users.</source>
        <translation>勾选单元格即授予该角色相应权限，取消勾选即收回。修改从该角色用户的下一次操作起生效。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="187"/>
        <source>{role} may now: {permission}.</source>
        <translation>{role} 现在可以：{permission}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="187"/>
        <source>{role} may no longer: {permission}.</source>
        <translation>{role} 不再可以：{permission}。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="103"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="106"/>
        <source>Attach photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="107"/>
        <source>Images up to {mb} MB; stored so every seat sees them</source>
        <translation>图片最大 {mb} MB，保存后各席位均可查看</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="136"/>
        <source>{file} · {stage} · {when} · {who} · {w}×{h}</source>
        <translation>{file} · {stage} · {when} · {who} · {w}×{h}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="142"/>
        <source>No photos yet.</source>
        <translation>暂无照片。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="156"/>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="157"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="286"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="287"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="308"/>
        <source>Photo — {file}</source>
        <translation>照片 — {file}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/photo_panels.py" line="309"/>
        <source>{stage} · {when} · {who} · {w}×{h} · {kb} KB</source>
        <translation>{stage} · {when} · {who} · {w}×{h} · {kb} KB</translation>
    </message>
</context>
<context>
    <name>RecordBrowser</name>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="89"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="98"/>
        <source>… and {n} more.</source>
        <translation>… 另有 {n} 件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="101"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="101"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="101"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="101"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="102"/>
        <source>Handler</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="102"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="107"/>
        <source>{shift} shift of {date}</source>
        <translation>{date} {shift}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="110"/>
        <source>Correction to handover #{id}</source>
        <translation>交接班记录 #{id} 的更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="112"/>
        <source>Signed by {name} at {time}</source>
        <translation>{name} 于 {time} 签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="115"/>
        <source>Acknowledged by {name} at {time}</source>
        <translation>{name} 于 {time} 确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="118"/>
        <source>Corrected by note(s): {ids}</source>
        <translation>更正记录：{ids}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="132"/>
        <source>Escalated cases not overdue</source>
        <translation>未超时的催督办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="72"/>
        <source>Notes</source>
        <translation>交班说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="64"/>
        <source>Handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="72"/>
        <source>No notes.</source>
        <translation>无交班说明。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="72"/>
        <source>Pending items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="78"/>
        <source>case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="80"/>
        <source>by {time}</source>
        <translation>{time} 前</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="126"/>
        <source>The shift in figures</source>
        <translation>本班数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="127"/>
        <source>Reported {reported} · registered {registered} · dispatched {dispatched} · fed back {fed_back} · closed {closed} · open now {open_now} · overdue now {overdue_now}</source>
        <translation>上报 {reported} · 立案 {registered} · 派遣 {dispatched} · 反馈 {fed_back} · 结案 {closed} · 当前在办 {open_now} · 当前超时 {overdue_now}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="129"/>
        <source>Open cases by stage</source>
        <translation>在办案件（按环节）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="131"/>
        <source>Overdue cases</source>
        <translation>超时案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="133"/>
        <source>Urgent cases of the shift</source>
        <translation>本班紧急案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="134"/>
        <source>Suspended cases</source>
        <translation>挂账案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="135"/>
        <source>Officers off duty or on leave ({n})</source>
        <translation>离岗或请假的网格员（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="137"/>
        <source>{n} open</source>
        <translation>在办 {n} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="138"/>
        <source>None with open cases.</source>
        <translation>无人持有在办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="139"/>
        <source>Drafted from the database at {time}</source>
        <translation>已于 {time} 根据数据库起草</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="36"/>
        <source>What is needed from the higher centre? *</source>
        <translation>需要上级中心做什么？*</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="37"/>
        <source>Instructions for the centre below *</source>
        <translation>交办要求 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="38"/>
        <source>Why does the case belong there? *</source>
        <translation>为何此案件应由对方办理？*</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="39"/>
        <source>Why is the referral returned? *</source>
        <translation>退回原因 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="40"/>
        <source>The outcome, for the referring centre *</source>
        <translation>办理结果（反馈给流转来源中心）*</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="43"/>
        <source>The higher centre accepts or returns the case within its time limit; it stays on your wall, marked, until the outcome comes back.</source>
        <translation>上级中心须在时限内受理或退回；反馈回来之前，该案件仍带标记显示在本中心的案件墙上。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="45"/>
        <source>The case goes onto that centre&apos;s wall; it stays in your view and its outcome comes back to you.</source>
        <translation>案件进入对方中心的案件墙；本中心仍可查看，办理结果将反馈回本中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="47"/>
        <source>The case goes onto that centre&apos;s wall; its outcome comes back to you.</source>
        <translation>案件进入对方中心的案件墙；办理结果将反馈回本中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="48"/>
        <source>The case goes back to the centre that referred it.</source>
        <translation>案件退回流转来源中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="49"/>
        <source>The case goes back to the centre that referred it, which verifies and closes it.</source>
        <translation>案件回到流转来源中心，由其核查并结案。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="118"/>
        <source>{action} — {case}</source>
        <translation>{action} — {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="119"/>
        <source>{action}: case {case}</source>
        <translation>{action}：案件 {case}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="120"/>
        <source>{category} · grid {grid} · {status}</source>
        <translation>{category} · 网格 {grid} · {status}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="127"/>
        <source>{kind} by {centre}: {reason}. {note}</source>
        <translation>{centre}{kind}：{reason}。{note}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="129"/>
        <source>To centre *</source>
        <translation>流转至 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="130"/>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="139"/>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="145"/>
        <source>There is no centre this case can be sent to this way.</source>
        <translation>没有可按此方式接收此案件的中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/referral.py" line="147"/>
        <source>Say why: the note is required here.</source>
        <translation>请说明原因：此处必须填写。</translation>
    </message>
</context>
<context>
    <name>ReferralList</name>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="68"/>
        <source>{kind}: {source} → {target}</source>
        <translation>{kind}：{source} → {target}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="70"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="71"/>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="72"/>
        <source>Referred {at}</source>
        <translation>转出时间 {at}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="75"/>
        <source>Returned {at}</source>
        <translation>退回时间 {at}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="78"/>
        <source>Accepted for handling {at}</source>
        <translation>受理时间 {at}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/referral_list.py" line="80"/>
        <source>Fed back {at}</source>
        <translation>反馈时间 {at}</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="18"/>
        <source>the reporter&apos;s name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="19"/>
        <source>the reporter&apos;s phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="20"/>
        <source>the exact address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="54"/>
        <source>Reveal personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="56"/>
        <source>Show {what} of case {case} in clear? The reveal is recorded in the audit trail with your name and the reason you give.</source>
        <translation>要显示案件 {case} 的{what}明文吗？此次查看将连同您的姓名和所填理由记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="58"/>
        <source>Reason, e.g. calling the reporter back</source>
        <translation>理由，例如：回访反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/widgets/reveal_dialog.py" line="60"/>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="233"/>
        <source>Search name, pinyin initials or employee no. (Ctrl+F)</source>
        <translation>搜索姓名、拼音首字母或工号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="234"/>
        <source>Officer roster</source>
        <translation>网格员名册</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="235"/>
        <source>Search officers</source>
        <translation>搜索网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="238"/>
        <source>Set the selected officers {status} ({keys})</source>
        <translation>将所选网格员设为“{status}”（{keys}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="240"/>
        <source>Officer page…</source>
        <translation>网格员详情…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="241"/>
        <source>The selected officer&apos;s grids, open cases and history ({keys}, Enter or double-click)</source>
        <translation>所选网格员的网格、在办案件和历史记录（{keys}、回车或双击）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="243"/>
        <source>Import officers…</source>
        <translation>导入网格员…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="244"/>
        <source>Import departments…</source>
        <translation>导入职能部门…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="245"/>
        <source> — needs the import permission (administrators)</source>
        <translation> — 需要导入权限（管理员）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="247"/>
        <source>Officers from CSV: employee_no,name,phone,grid_codes,duty_status</source>
        <translation>从 CSV 导入网格员：employee_no,name,phone,grid_codes,duty_status</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="249"/>
        <source>Departments from CSV: code,name,phone,category_codes</source>
        <translation>从 CSV 导入职能部门：code,name,phone,category_codes</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="128"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="129"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="130"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="131"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="132"/>
        <source>Add selected officers to the shift</source>
        <translation>将所选网格员加入班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="133"/>
        <source>Remove selected members</source>
        <translation>移除所选人员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="134"/>
        <source>Add operator</source>
        <translation>添加值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="135"/>
        <source>Operators and supervisors who can work the shift</source>
        <translation>可排入该班次的值班员和值班长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="290"/>
        <source>Could not read the roster: {error}</source>
        <translation>无法读取网格员名册：{error}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="350"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="360"/>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="372"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="412"/>
        <source>Showing {shown} of {total} officers · {on} on duty · {field} in the field · {off} off duty · {leave} on leave</source>
        <translation>显示 {shown}/{total} 名网格员 · 在岗 {on} · 外勤 {field} · 离岗 {off} · 请假 {leave}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="483"/>
        <source>{names}: now {status}</source>
        <translation>{names}：已设为“{status}”</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="491"/>
        <source>{name} was changed at another seat (now {status}). Nothing was changed here; the row has been reloaded, check it and try again.</source>
        <translation>{name} 已在其他席位被修改（现为“{status}”）。本次未做任何更改；该行已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="502"/>
        <source>Import officers</source>
        <translation>导入网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="502"/>
        <source>Import departments</source>
        <translation>导入职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="503"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="511"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="518"/>
        <source>officers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="518"/>
        <source>departments</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="519"/>
        <source>Imported {what} from {file} ({encoding}): {created} created, {updated} updated, {unchanged} unchanged</source>
        <translation>已从 {file}（{encoding}）导入{what}：新增 {created}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="175"/>
        <source>Loading shifts…</source>
        <translation>正在加载班次…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="179"/>
        <source>{name} ({start}–{end}): {officers} officers, {operators} operators</source>
        <translation>{name}（{start}–{end}），网格员 {officers} 人，值班员 {operators} 人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="182"/>
        <source>On now: {shifts}</source>
        <translation>当前班次：{shifts}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="186"/>
        <source>On now: no shift is running</source>
        <translation>当前班次：无</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="190"/>
        <source>Next: {name} from {start} ({officers} officers, {operators} operators)</source>
        <translation>下一班次：{name}，{start} 开始（网格员 {officers} 人，值班员 {operators} 人）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="195"/>
        <source>Next: no shift defined</source>
        <translation>下一班次：未设置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="220"/>
        <source>Select a shift to see who works it</source>
        <translation>选择班次以查看当班人员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="222"/>
        <source>Working {name}:</source>
        <translation>{name} 当班人员：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="297"/>
        <source>Shift {name} saved</source>
        <translation>班次 {name} 已保存</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_panel.py" line="300"/>
        <source>Shift deleted</source>
        <translation>班次已删除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/screen.py" line="543"/>
        <source>Roster</source>
        <translation>网格员名册</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="39"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="39"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="39"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="39"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="40"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="40"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="40"/>
        <source>Handler</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/search.py" line="40"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="168"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="176"/>
        <source>Cases found: {total}; the newest {shown} are listed</source>
        <translation>找到案件：{total} 件，列出最新的 {shown} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="179"/>
        <source>Cases found: {total}</source>
        <translation>找到案件：{total} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="211"/>
        <source>Number, words, address or phone</source>
        <translation>编号、关键词、地址或电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="212"/>
        <source>Grid code (or its prefix)</source>
        <translation>网格编码（或其前缀）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="213"/>
        <source>Officer no.</source>
        <translation>网格员工号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="214"/>
        <source>Department code</source>
        <translation>部门编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="215"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="216"/>
        <source>e.g. 20251125-00042, 井盖, 梅峰路, 138 1234 5678</source>
        <translation>例如 20251125-00042、井盖、梅峰路、138 1234 5678</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="217"/>
        <source>Reported between</source>
        <translation>上报时间介于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="218"/>
        <source>Reported from</source>
        <translation>上报起始日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="219"/>
        <source>Reported until</source>
        <translation>上报截止日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="220"/>
        <source>Cases found</source>
        <translation>查询到的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="221"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="222"/>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/search_view.py" line="234"/>
        <source>Find cases</source>
        <translation>查找案件</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="74"/>
        <source>Edit shift</source>
        <translation>编辑班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="74"/>
        <source>New shift</source>
        <translation>新建班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="75"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="75"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="75"/>
        <source>Days</source>
        <translation>适用日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="78"/>
        <source>e.g. Day shift</source>
        <translation>如：白班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/roster/shift_dialog.py" line="79"/>
        <source>An end at or before the start means the shift ends the next day</source>
        <translation>结束时间不晚于开始时间时，表示班次次日结束</translation>
    </message>
</context>
<context>
    <name>ShiftTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="242"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="242"/>
        <source>Hours</source>
        <translation>起止时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="242"/>
        <source>Days</source>
        <translation>适用日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="242"/>
        <source>Officers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="242"/>
        <source>Operators</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="248"/>
        <source> (+1 day)</source>
        <translation>（次日）</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/shortcuts.py" line="122"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/shortcuts.py" line="123"/>
        <source>Everything on this screen works from the keyboard. Press F1 or Esc to close.</source>
        <translation>本界面的所有操作均可用键盘完成。按 F1 或 Esc 关闭。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/shortcuts.py" line="124"/>
        <source>In the menus (everywhere)</source>
        <translation>菜单中的快捷键（任何界面）</translation>
    </message>
</context>
<context>
    <name>SignConfirmation</name>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="196"/>
        <source>Sign the handover</source>
        <translation>交接班签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="198"/>
        <source>Sign and pass this handover to the incoming supervisor? These notes and pending items are what will be signed; the figures and case lists are taken from the database as you sign.</source>
        <translation>签字并将此交接班记录交给接班值班长？签字的正是以下交班说明和待办事项；数据和案件清单在签字时从数据库中取得。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/record_browser.py" line="200"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
</context>
<context>
    <name>SlipOption</name>
    <message>
        <location filename="../../commandcenter/widgets/intake/slip_option.py" line="22"/>
        <source>Print the dispatch slip for the handler</source>
        <translation>为承办方打印派遣单</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="49"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="50"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="53"/>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="53"/>
        <source>rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/status_clock.py" line="55"/>
        <source>Centre time ({zone}), {date}</source>
        <translation>中心时间（{zone}），{date}</translation>
    </message>
</context>
<context>
    <name>TimeLimitDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="245"/>
        <source>{priority} · {stage} time limit</source>
        <translation>{priority} · {stage}时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="247"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="247"/>
        <source>Counted in</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="248"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="249"/>
        <source>Working time counts office hours on working days only</source>
        <translation>工作时间只计工作日的办公时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="253"/>
        <source>Urgent cases run on natural time.</source>
        <translation>紧急案件按自然时间计时。</translation>
    </message>
</context>
<context>
    <name>TimeLimitTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="159"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="159"/>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="159"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="159"/>
        <source>Counted in</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="159"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="170"/>
        <source>Set for this category</source>
        <translation>本类别设定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="170"/>
        <source>Built-in default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>UnitModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="38"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="38"/>
        <source>Cases due</source>
        <translation>应结案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="38"/>
        <source>Handled 处置率</source>
        <translation>处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="39"/>
        <source>On time 按期处置率</source>
        <translation>按期处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="39"/>
        <source>Rework 返工率</source>
        <translation>返工率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="39"/>
        <source>Extended 延期率</source>
        <translation>延期率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="40"/>
        <source>Suspended 挂账率</source>
        <translation>挂账率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="40"/>
        <source>Sent back 退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/assessment.py" line="46"/>
        <source>Centre total</source>
        <translation>中心合计</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="92"/>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="92"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="93"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="93"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="93"/>
        <source>Centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="95"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="95"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="100"/>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="102"/>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/dialogs.py" line="104"/>
        <source>Choose a centre.</source>
        <translation>请选择指挥中心。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="55"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="55"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="55"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="55"/>
        <source>Centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="55"/>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="60"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="62"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/admin.py" line="63"/>
        <source>Yes</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="61"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="62"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="63"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="79"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="79"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="108"/>
        <source>User {name} added.</source>
        <translation>已添加用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="122"/>
        <source>User {name} changed.</source>
        <translation>已修改用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="135"/>
        <source>New password set for {name}.</source>
        <translation>已为 {name} 设置新密码。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="146"/>
        <source>User {name} enabled.</source>
        <translation>已启用用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/users_tab.py" line="146"/>
        <source>User {name} disabled: they can no longer sign in or act.</source>
        <translation>已停用用户 {name}：该用户不能再登录或操作。</translation>
    </message>
</context>
<context>
    <name>WallExport</name>
    <message>
        <location filename="../../commandcenter/views/wall_export.py" line="41"/>
        <source>Export cases…</source>
        <translation>导出案件…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_export.py" line="42"/>
        <source>The cases the wall shows now, in its order, as a CSV file</source>
        <translation>将案件墙当前显示的案件按当前顺序导出为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_export.py" line="49"/>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
</context>
<context>
    <name>WallFilterBar</name>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="118"/>
        <source>Search number, place (or pinyin initials), text… (Ctrl+F)</source>
        <translation>搜索编号、地点（或拼音首字母）、描述…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="119"/>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="121"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="121"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="121"/>
        <source>To register</source>
        <translation>待立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="122"/>
        <source>To dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="122"/>
        <source>With handler</source>
        <translation>承办中</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="123"/>
        <source>To verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="123"/>
        <source>Suspended</source>
        <translation>已挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="123"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="125"/>
        <source>All priorities</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="128"/>
        <source>Any time limit</source>
        <translation>全部时限状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="128"/>
        <source>Due soon or overdue</source>
        <translation>即将超时或已超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="129"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="129"/>
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="131"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="134"/>
        <source>Open + closed 24 h</source>
        <translation>在办 + 24小时内结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="134"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="134"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="135"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="137"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="138"/>
        <source>Only cases I entered</source>
        <translation>只看我录入的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="139"/>
        <source>Overdue first</source>
        <translation>超时优先</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="140"/>
        <source>Triage order</source>
        <translation>处置优先排序</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="142"/>
        <source>Overdue first, then escalated (reminder 催办, supervision 督办), urgent, high, then by time left</source>
        <translation>先超时，再催督办（催办、督办）、紧急、较高，其余按剩余时间排序</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="171"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="173"/>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="180"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_filters.py" line="218"/>
        <source>Grid {code} ✕</source>
        <translation>网格 {code} ✕</translation>
    </message>
</context>
<context>
    <name>WallModeWindow</name>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="195"/>
        <source>Wall mode — {centre}</source>
        <translation>大屏模式 — {centre}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="197"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="197"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="197"/>
        <source>Escalated</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="198"/>
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="198"/>
        <source>On time today</source>
        <translation>今日按期结案率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="201"/>
        <location filename="../../commandcenter/views/wall_mode.py" line="316"/>
        <source>Escalations</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="311"/>
        <source>Supervision 督办</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="311"/>
        <source>Reminder 催办</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="315"/>
        <source>Escalations ({n})</source>
        <translation>催督办（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_mode.py" line="349"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="247"/>
        <source>Case wall</source>
        <translation>案件墙</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="248"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="249"/>
        <source>Register a hotline call (Ctrl+N)</source>
        <translation>登记热线来电（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="250"/>
        <source>Next waiting</source>
        <translation>下一待办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="251"/>
        <source>Select the next case waiting for registration or dispatch (F5)</source>
        <translation>选中下一个待立案或待派遣的案件（F5）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="252"/>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="253"/>
        <source>Every keyboard shortcut (F1)</source>
        <translation>全部快捷键（F1）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="258"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="259"/>
        <location filename="../../commandcenter/views/wall_view.py" line="379"/>
        <source>Escalations</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="271"/>
        <source>Loading the wall…</source>
        <translation>正在加载案件墙…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="288"/>
        <source>Could not load the wall: {error}</source>
        <translation>无法加载案件墙：{error}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="364"/>
        <source>URGENT {number}: {category} — {place}</source>
        <translation>紧急案件 {number}：{category} — {place}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="368"/>
        <source>Flood: {count} more urgent cases arrived — filter by Urgent to see them</source>
        <translation>紧急案件集中涌入：又有 {count} 件紧急案件 — 按“紧急”筛选查看</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="379"/>
        <source>Escalations ({n})</source>
        <translation>催督办（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="383"/>
        <source>Warnings ({n})</source>
        <translation>预警（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="383"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="404"/>
        <source>{shown} of {total} cases on the wall</source>
        <translation>案件墙显示 {shown}/{total} 件案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="447"/>
        <source>No case is waiting for registration or dispatch.</source>
        <translation>没有待立案或待派遣的案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="513"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="514"/>
        <source>Your role may not do this: {action}.</source>
        <translation>您的角色无权执行此操作：{action}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="569"/>
        <source>Not done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="572"/>
        <source>New case (hotline call)</source>
        <translation>新建案件（热线来电）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="573"/>
        <source>Select the next waiting case</source>
        <translation>选中下一个待办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="574"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="574"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="575"/>
        <source>Back to the case list</source>
        <translation>返回案件列表</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="577"/>
        <source>This sheet</source>
        <translation>本快捷键表</translation>
    </message>
</context>
<context>
    <name>WarningDetailDialog</name>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="159"/>
        <source>Early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="160"/>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="167"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="160"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="160"/>
        <source>Raised</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="161"/>
        <source>Latest case</source>
        <translation>最新案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="161"/>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="166"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="161"/>
        <source>Answer</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="164"/>
        <source>Cases behind it (select one to see it; double-click to find it on the wall and the map)</source>
        <translation>相关案件（单击查看；双击在案件墙和地图上定位）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="166"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="166"/>
        <source>Reported</source>
        <translation>反映时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="167"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="168"/>
        <source>Note, reason for dismissing, or what the patrol task or case is to do (required)</source>
        <translation>备注、排除理由，或巡查任务/案件的处置要求（必填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="170"/>
        <source>Patrol task for the grid officer</source>
        <translation>网格员巡查任务</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="171"/>
        <source>New case for the centre to dispatch</source>
        <translation>新立案件（由中心派遣）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="172"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="173"/>
        <source>Seen; the note says why nothing more is needed now</source>
        <translation>已确认；备注说明目前无需进一步处理的原因</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="174"/>
        <source>Open</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="175"/>
        <source>Open the patrol task or case chosen beside it, linked to this warning</source>
        <translation>生成旁边所选的巡查任务或案件，并关联此预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="176"/>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="177"/>
        <source>A false alarm; the note says why</source>
        <translation>误报；备注说明理由</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="204"/>
        <source>{who} at {at}: {note}</source>
        <translation>{who}（{at}）：{note}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="209"/>
        <source>Opened as case {number} ({status})</source>
        <translation>已生成案件 {number}（{status}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="277"/>
        <source>Write a note saying why this warning needs no action now.</source>
        <translation>请填写备注，说明此预警目前无需处理的原因。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="278"/>
        <source>Acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="282"/>
        <source>Write the reason for dismissing this warning.</source>
        <translation>请填写排除此预警的理由。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="282"/>
        <source>Dismissed.</source>
        <translation>已排除。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="286"/>
        <source>Patrol task opened.</source>
        <translation>巡查任务已生成。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="286"/>
        <source>Case opened.</source>
        <translation>案件已生成。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/dialogs/warning_detail.py" line="288"/>
        <source>Write what the patrol task or case is to do.</source>
        <translation>请填写巡查任务或案件的处置要求。</translation>
    </message>
</context>
<context>
    <name>WarningModel</name>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="55"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="55"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="55"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="55"/>
        <source>Raised</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/warnings.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>WarningPanel</name>
    <message>
        <location filename="../../commandcenter/views/wall_warnings.py" line="85"/>
        <source>Show answered</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_warnings.py" line="86"/>
        <source>Open warning…</source>
        <translation>查看预警…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_warnings.py" line="104"/>
        <source>Early warning: {kind} · {subject} — {evidence}</source>
        <translation>预警：{kind} · {subject} — {evidence}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../commandcenter/views/wall_warnings.py" line="111"/>
        <source>%n open warning(s)</source>
        <translation>
            <numerusform>%n 条待处理预警</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/wall_warnings.py" line="111"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>WarningRulesTab</name>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="86"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="86"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="87"/>
        <source>{group}, {name}: enter {kind} from {lo:g} to {hi:g}.</source>
        <translation>{group}，{name}：请输入{lo:g}至{hi:g}之间的{kind}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="101"/>
        <source>Warning rules saved; the next detector run uses them.</source>
        <translation>预警规则已保存，下次检测时生效。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="107"/>
        <source>Recurrence at one place</source>
        <translation>同一地点重复发生</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="108"/>
        <source>Repeat caller</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="109"/>
        <source>Repeated dispute</source>
        <translation>反复纠纷</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="110"/>
        <source>Rising trend</source>
        <translation>上升趋势</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="111"/>
        <source>Cluster</source>
        <translation>聚集</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="112"/>
        <source>Chronic lateness</source>
        <translation>持续超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="115"/>
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="116"/>
        <source>Cases at least</source>
        <translation>案件数不少于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="117"/>
        <source>Within days</source>
        <translation>天数以内</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="118"/>
        <source>Calls at least</source>
        <translation>来电次数不少于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="119"/>
        <source>Band (hours)</source>
        <translation>时段（小时）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="120"/>
        <source>Weeks compared</source>
        <translation>比较周数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="121"/>
        <source>Significance (p at most)</source>
        <translation>显著性（p值不大于）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="122"/>
        <source>Cases in the band at least</source>
        <translation>时段内案件数不少于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="123"/>
        <source>Last hours</source>
        <translation>最近小时数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="124"/>
        <source>Neighbour distance (m)</source>
        <translation>邻近距离（米）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="125"/>
        <source>Neighbour time (minutes)</source>
        <translation>邻近时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="126"/>
        <source>Neighbours for a core case</source>
        <translation>核心案件的邻近案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="127"/>
        <source>Grids spanned at least</source>
        <translation>跨越网格数不少于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="128"/>
        <source>On-time rate below</source>
        <translation>按期结案率低于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="129"/>
        <source>Cases due a day at least</source>
        <translation>每日到期案件数不少于</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="134"/>
        <source>Days running</source>
        <translation>连续天数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/admin/warning_rules_tab.py" line="135"/>
        <source>Save warning rules</source>
        <translation>保存预警规则</translation>
    </message>
</context>
<context>
    <name>WriteTab</name>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="185"/>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="310"/>
        <source>Draft handover</source>
        <translation>起草交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="186"/>
        <source>Draft the handover of this shift from the database</source>
        <translation>根据数据库起草本班的交接班记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="187"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="188"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="189"/>
        <source>Sign and pass to the incoming supervisor</source>
        <translation>签字并移交接班值班长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="190"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="191"/>
        <source>Open the handover record as a PDF to print</source>
        <translation>以 PDF 打开交接班记录，以便打印</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="192"/>
        <source>Add correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="193"/>
        <source>Notes for the next shift</source>
        <translation>给下一班的交班说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="194"/>
        <source>What the next shift must know…</source>
        <translation>下一班需要了解的情况…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="195"/>
        <source>Pending items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="196"/>
        <source>Case no. (optional)</source>
        <translation>案件编号（选填）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="197"/>
        <source>Case no. of the new item</source>
        <translation>新待办事项的案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="198"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="199"/>
        <source>Due time of the new item</source>
        <translation>新待办事项的截止时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="200"/>
        <source>e.g. call back the reporter at 09:00</source>
        <translation>如：09:00 回访反映人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="201"/>
        <source>What the new item asks</source>
        <translation>新待办事项内容</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="202"/>
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="203"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="211"/>
        <source>{shift} shift of {date}, {start}–{end}: {status}</source>
        <translation>{date} {shift}，{start}–{end}：{status}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="215"/>
        <source>{shift} shift of {date}, {start}–{end}: no handover yet</source>
        <translation>{date} {shift}，{start}–{end}：尚无交接班记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="219"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="271"/>
        <source>This handover was changed at another seat while you were writing (now: {status}). Your unsaved notes and pending items are kept here.</source>
        <translation>您填写期间，此交接班记录已在其他席位被修改（当前：{status}）。您未保存的交班说明和待办事项仍保留在这里。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="274"/>
        <source>It is acknowledged and locked: add what you wrote as a correction.</source>
        <translation>该记录已确认并锁定：请将您填写的内容作为更正添加。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="276"/>
        <source>Saving or signing replaces the other seat&apos;s version, which reads:</source>
        <translation>保存或签字将替换其他席位的版本，其内容如下：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="277"/>
        <source>(no notes)</source>
        <translation>（无交班说明）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="310"/>
        <source>Refresh draft</source>
        <translation>刷新草稿</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="327"/>
        <source>Drafted from the database at {time}</source>
        <translation>已于 {time} 根据数据库起草</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="356"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="381"/>
        <source>Signed at {time}: waiting for the incoming supervisor</source>
        <translation>已于 {time} 签字：等待接班值班长确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="388"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="389"/>
        <source>This handover is acknowledged and stays as it is. Write the correction note:</source>
        <translation>该交接班记录已确认，将保持原样。请填写更正说明：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/handover/write_tab.py" line="392"/>
        <source>Correction #{id} added</source>
        <translation>已添加更正 #{id}</translation>
    </message>
</context>
<context>
    <name>action</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="118"/>
        <source>Register</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="119"/>
        <source>Reject as invalid</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="120"/>
        <source>Merge as duplicate</source>
        <translation>合并（重复件）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="121"/>
        <source>Answered on the call</source>
        <translation>直接答复</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="122"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="123"/>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="124"/>
        <source>Accept</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="125"/>
        <source>Feed back</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="126"/>
        <source>Verify and close</source>
        <translation>核查结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="127"/>
        <source>Return for rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="128"/>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="129"/>
        <source>Approve extension</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="130"/>
        <source>Refuse extension</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="131"/>
        <source>Request suspension</source>
        <translation>申请挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="132"/>
        <source>Approve suspension</source>
        <translation>批准挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="133"/>
        <source>Refuse suspension</source>
        <translation>驳回挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="134"/>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="135"/>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="136"/>
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="137"/>
        <source>Send back (not ours)</source>
        <translation>退回（非本单位）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="138"/>
        <source>Request field check</source>
        <translation>申请现场核查</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="139"/>
        <source>Field check: resolved</source>
        <translation>核查：已解决</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="140"/>
        <source>Field check: not resolved</source>
        <translation>核查：未解决</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="141"/>
        <source>Solved on the spot</source>
        <translation>即时办结</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="142"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="143"/>
        <source>Refer up</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="144"/>
        <source>Send down</source>
        <translation>下派</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="145"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="146"/>
        <source>Accept referral</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="147"/>
        <source>Return referral</source>
        <translation>退回流转件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="148"/>
        <source>Feed back to referring centre</source>
        <translation>向流转来源中心反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="149"/>
        <source>Add supporting unit</source>
        <translation>添加协办单位</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="150"/>
        <source>Supporting unit&apos;s feedback</source>
        <translation>协办单位反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="151"/>
        <source>Correct category or grid</source>
        <translation>更正类别或网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="152"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="153"/>
        <source>Write handover</source>
        <translation>填写交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="154"/>
        <source>Acknowledge handover</source>
        <translation>确认交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="155"/>
        <source>Print briefing</source>
        <translation>打印简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="156"/>
        <source>Manage roster</source>
        <translation>管理网格员名册</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="159"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="160"/>
        <source>Duplicate merged in</source>
        <translation>重复案件已合并</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="161"/>
        <source>Reminder (催办)</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="162"/>
        <source>Supervision (督办)</source>
        <translation>督办</translation>
    </message>
</context>
<context>
    <name>admin_errors</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="52"/>
        <source>A user name may use only letters, digits, “.”, “_” and “-”.</source>
        <translation>用户名只能使用字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="53"/>
        <source>This user name is taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="54"/>
        <source>System accounts&apos; roles are fixed by the program.</source>
        <translation>系统账户的角色由程序固定。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="55"/>
        <source>Unknown time zone (use a name such as Asia/Shanghai).</source>
        <translation>未知时区（请使用 Asia/Shanghai 这样的名称）。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="56"/>
        <source>A centre cannot sit under itself or a centre below it.</source>
        <translation>指挥中心不能隶属于自身或其下级指挥中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="57"/>
        <source>A centre&apos;s parent must be of a higher level.</source>
        <translation>指挥中心的上级必须级别更高。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="58"/>
        <source>A centre must rank above the centres under it.</source>
        <translation>指挥中心的级别必须高于其下级指挥中心。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="59"/>
        <source>This code is taken.</source>
        <translation>该编码已被使用。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="60"/>
        <source>A major category&apos;s code is two digits; a minor one&apos;s is its major code followed by two digits.</source>
        <translation>大类编码为两位数字；小类编码为所属大类编码后加两位数字。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="62"/>
        <source>A time limit is between 1 and {limit} minutes.</source>
        <translation>时限须在 1 到 {limit} 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="63"/>
        <source>Urgent cases run on natural time.</source>
        <translation>紧急案件按自然时间计时。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="64"/>
        <source>A calendar day is a holiday or an adjusted working day.</source>
        <translation>日历中的日期只能是节假日或调休工作日。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="65"/>
        <source>Only a Saturday or Sunday can become an adjusted working day.</source>
        <translation>只有星期六或星期日可以设为调休工作日。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="66"/>
        <source>This day is already in the calendar; remove it first.</source>
        <translation>该日期已在日历中；请先删除。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="67"/>
        <source>A warning rule&apos;s value is out of range ({field}: {lo:g} to {hi:g}).</source>
        <translation>预警规则的取值超出范围（{field}：{lo:g}至{hi:g}）。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="70"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="71"/>
        <source>centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="72"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="73"/>
        <source>time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="74"/>
        <source>calendar day</source>
        <translation>日历日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="77"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="78"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="115"/>
        <source>The {field} “{name}” is already used by category {code}.</source>
        <translation>{field}“{name}”已被类别 {code} 使用。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="118"/>
        <source>This {kind} was changed by another admin. Nothing was changed here; the list has been reloaded, check it and try again.</source>
        <translation>该{kind}已被另一位管理员修改。此处未做任何修改；列表已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="122"/>
        <source>No active user would be left who may manage users. Nothing was changed.</source>
        <translation>这样将没有可管理用户的在用账户。未做任何修改。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="20"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="21"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="22"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="23"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="24"/>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s：错误：%(message)s</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="25"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="26"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="27"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="28"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="29"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="30"/>
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="31"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>有歧义的选项：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="32"/>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中必须提供一个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_i18n.py" line="33"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="16"/>
        <source>entry {id} ({at}) was edited: its content no longer gives its hash</source>
        <translation>第 {id} 条记录（{at}）被篡改：其内容与哈希值不再相符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="17"/>
        <source>entry {id} ({at}) was inserted: the chain does not lead through it</source>
        <translation>第 {id} 条记录（{at}）系插入：哈希链并不经过该条</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="18"/>
        <source>entries before entry {id} ({at}) were deleted: it links to one no longer there</source>
        <translation>第 {id} 条记录（{at}）之前的记录被删除：其所链接的记录已不存在</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="19"/>
        <source>the newest entries were deleted: the anchor names entry {id}, which is gone</source>
        <translation>最新的记录被删除：锚点指向的第 {id} 条记录已不存在</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="20"/>
        <source>the chain was recomputed: entry {id} no longer has the hash its anchor keeps</source>
        <translation>哈希链被重新计算：第 {id} 条记录的哈希值与锚点保存的不符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="21"/>
        <source>the anchor is missing: nothing outside the database vouches for entry {id} ({at})</source>
        <translation>锚点缺失：数据库之外无任何凭据可证明第 {id} 条记录（{at}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="22"/>
        <source>the case history row attested by entry {id} ({at}) was edited</source>
        <translation>第 {id} 条记录（{at}）所证明的案件流转记录被篡改</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="23"/>
        <source>the case history row attested by entry {id} ({at}) was deleted</source>
        <translation>第 {id} 条记录（{at}）所证明的案件流转记录被删除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="24"/>
        <source>case history row {id} ({at}) was inserted: no audit entry attests it</source>
        <translation>案件流转记录 {id}（{at}）系插入：没有审计记录证明它</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="37"/>
        <source>audit chain sound: {n} entries, head {head}, anchored; checked in {s:.1f} s</source>
        <translation>审计链完好：共 {n} 条记录，链头 {head}，与锚点一致；校验用时 {s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_labels.py" line="40"/>
        <source>audit chain broken: {problem}</source>
        <translation>审计链已损坏：{problem}</translation>
    </message>
</context>
<context>
    <name>audit_words</name>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="16"/>
        <source>Demo city generated</source>
        <translation>已生成演示城市</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="17"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="18"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="19"/>
        <source>Sign-in refused (account locked)</source>
        <translation>拒绝登录（账户已锁定）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="20"/>
        <source>Account locked</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="21"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="22"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="23"/>
        <source>First administrator created</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="24"/>
        <source>User added</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="25"/>
        <source>User edited</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="26"/>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="27"/>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="28"/>
        <source>Permission granted</source>
        <translation>授予权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="29"/>
        <source>Permission revoked</source>
        <translation>收回权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="30"/>
        <source>Centre added</source>
        <translation>新增指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="31"/>
        <source>Centre edited</source>
        <translation>修改指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="32"/>
        <source>Category added</source>
        <translation>新增类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="33"/>
        <source>Category renamed</source>
        <translation>类别改名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="34"/>
        <source>Time limit set</source>
        <translation>设置处置时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="35"/>
        <source>Calendar day added</source>
        <translation>新增日历日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="36"/>
        <source>Calendar day removed</source>
        <translation>删除日历日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="37"/>
        <source>Calendar year set</source>
        <translation>设置日历年份</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="38"/>
        <source>Area renamed</source>
        <translation>区域改名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="39"/>
        <source>Duty status changed</source>
        <translation>在岗状态变更</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="40"/>
        <source>Assigned to a shift</source>
        <translation>编入班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="41"/>
        <source>Removed from a shift</source>
        <translation>移出班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="42"/>
        <source>Shift deleted</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="43"/>
        <source>Handover drafted</source>
        <translation>起草交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="44"/>
        <source>Handover signed</source>
        <translation>交接班签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="45"/>
        <source>Handover acknowledged</source>
        <translation>确认交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="46"/>
        <source>Handover corrected</source>
        <translation>更正交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="47"/>
        <source>Escalation acknowledged</source>
        <translation>确认催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="48"/>
        <source>Escalated</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="49"/>
        <source>Briefing printed</source>
        <translation>打印简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="50"/>
        <source>Officers imported</source>
        <translation>导入网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="51"/>
        <source>Departments imported</source>
        <translation>导入职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="52"/>
        <source>Grids imported</source>
        <translation>导入网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="53"/>
        <source>Positions imported</source>
        <translation>导入位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="54"/>
        <source>Gazetteer imported</source>
        <translation>导入地名库</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="55"/>
        <source>Roads imported</source>
        <translation>导入道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="56"/>
        <source>Warning raised</source>
        <translation>发出预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="57"/>
        <source>Warning reopened</source>
        <translation>预警重新办理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="58"/>
        <source>Warning settings changed</source>
        <translation>修改预警设置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="59"/>
        <source>Duplicate rules changed</source>
        <translation>修改重复案件规则</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="60"/>
        <source>Audit chain verified</source>
        <translation>核验审计链</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="61"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="64"/>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="65"/>
        <source>escalation</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="66"/>
        <source>officer</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="67"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="68"/>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="69"/>
        <source>handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="70"/>
        <source>briefing</source>
        <translation>简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="71"/>
        <source>calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="72"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="73"/>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="74"/>
        <source>gazetteer</source>
        <translation>地名库</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="75"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="76"/>
        <source>permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="77"/>
        <source>centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="78"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="79"/>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="80"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="81"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../commandcenter/audit_words.py" line="82"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>briefing</name>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="161"/>
        <source>Shift briefing: {shift}</source>
        <translation>班次简报：{shift}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="162"/>
        <source>Daily briefing</source>
        <translation>每日简报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="176"/>
        <source>previous day: {value}</source>
        <translation>前一日：{value}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="188"/>
        <source>{value} pts</source>
        <translation>{value}个百分点</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="196"/>
        <source>{value} min</source>
        <translation>{value}分钟</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="197"/>
        <location filename="../../commandcenter/reports/briefing.py" line="389"/>
        <source>{value} h</source>
        <translation>{value}小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="114"/>
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="209"/>
        <source>at {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="212"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="213"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="111"/>
        <source>Registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="214"/>
        <location filename="../../commandcenter/reports/briefing.py" line="406"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="75"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="112"/>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="215"/>
        <location filename="../../commandcenter/reports/briefing.py" line="407"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="113"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="216"/>
        <source>Due to close</source>
        <translation>应结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="217"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="218"/>
        <source>On-time closure rate</source>
        <translation>按期结案率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="219"/>
        <source>Handling rate</source>
        <translation>处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="221"/>
        <source>Rework rate</source>
        <translation>返工率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="228"/>
        <source>Mean time to dispatch</source>
        <translation>平均派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="230"/>
        <source>Mean time to close</source>
        <translation>平均结案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="248"/>
        <source>Closure rate 结案率 = due cases closed by {as_of} / due to close.</source>
        <translation>结案率 = 截至 {as_of} 已结案的应结案件数 / 应结案件数。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="208"/>
        <location filename="../../commandcenter/reports/briefing.py" line="406"/>
        <source>Overdue at end</source>
        <translation>期末超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="220"/>
        <source>On-time handling rate</source>
        <translation>按期处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="222"/>
        <source>Extension rate</source>
        <translation>延期率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="223"/>
        <source>Suspension rate</source>
        <translation>挂账率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="224"/>
        <source>Dispatch accuracy</source>
        <translation>派遣准确率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="225"/>
        <source>Self-handling rate</source>
        <translation>自处率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="226"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="237"/>
        <source>A day is a calendar day in {tz}; a shift belongs to the date it starts. Every figure is read from the case history as it stood at {as_of}: a reprint shows the same figures whatever was reopened, reworked, extended or closed since. New, registered, dispatched and closed count the reports, registrations, cases dispatched and closures in the period; a closure stays counted for its day when the case is reopened later.</source>
        <translation>一天指 {tz} 的自然日；班次归属其开始的日期。所有数字均按案件历史截至 {as_of} 的状态计算：无论此后案件被重新办理、返工、延期或结案，重印的简报数字不变。新增、立案、派遣、结案分别统计本时段内的上报、立案、派遣（每案一次）和结案（每次结案）；案件此后被重新办理，原结案仍计入其当日。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="243"/>
        <source>Due to close: registered cases, rejected and merged ones excluded, whose judged deadline (the first handling deadline plus approved extensions and suspended time; a rework gives none, nor does an extension approved after the deadline had passed) falls in the period, and registered cases still not dispatched when their dispatch limit ran out in it.</source>
        <translation>应结案件：已立案（不含作废和合并）且考核时限（首次处置时限加已批准的延期和挂账时间；返工不另计时限，时限届满后才批准的延期也不计）落在本时段内的案件，以及派遣时限在本时段内届满时仍未派遣的已立案案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="249"/>
        <source>On-time closure rate 按期结案率 (the centre&apos;s) = due cases closed by the centre by their judged deadline / due to close: judged at closure.</source>
        <translation>按期结案率（指挥中心）= 在考核时限内由中心结案的应结案件 / 应结案件：以结案时间判定。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="251"/>
        <source>Handling rate 处置率 = due cases whose handler&apos;s feedback stands (not returned for rework since) or that are closed, by {as_of} / due to close.</source>
        <translation>处置率 = 截至 {as_of} 承办方反馈有效（此后未被返工）或已结案的应结案件 / 应结案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="253"/>
        <source>On-time handling rate 按期处置率 (the handler&apos;s: per street and department below) = due cases whose standing feedback came by their judged deadline / due to close: judged at the handler&apos;s feedback.</source>
        <translation>按期处置率（承办方，下表按街道和部门分列）= 有效反馈在考核时限内送达的应结案件 / 应结案件：以承办方反馈时间判定。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="256"/>
        <source>Rework rate 返工率 = due cases returned for rework (or failing the field check) at least once / due cases handled at least once.</source>
        <translation>返工率 = 至少返工一次（或核查未通过）的应结案件 / 至少处置过一次的应结案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="258"/>
        <source>Extension rate 延期率 and suspension rate 挂账率 = due cases with an approved extension or suspension / due to close. Sent back 退回: cases a handler returned as not theirs in the period.</source>
        <translation>延期率、挂账率 = 有已批准延期或挂账的应结案件 / 应结案件。退回：本时段内承办方以非本单位职责退回的案件数。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="261"/>
        <source>Dispatch accuracy 派遣准确率 = dispatches in the period not sent back by the handler (退回) before the next dispatch / dispatches in the period. Self-handling rate 自处率 = closures on the spot (即时办结) / closures in the period. Satisfaction rate 满意率 = follow-up calls answered satisfied or basically satisfied / follow-up calls in the period.</source>
        <translation>派遣准确率 = 本时段内未在下次派遣前被承办方退回的派遣 / 本时段内的派遣。自处率 = 即时办结的结案 / 本时段内的结案。满意率 = 回访结果为满意或基本满意的回访 / 本时段内的回访。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="266"/>
        <source>Overdue at end: open cases past their current stage&apos;s deadline at {as_of}.</source>
        <translation>期末超期：截至 {as_of} 当前环节已超时限的在办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="268"/>
        <source>Mean time to dispatch: registration (or reopening) to the first dispatch, over cases first dispatched in the period. Mean time to close: report to closure, over the closures in the period.</source>
        <translation>平均派遣用时：立案（或重新打开）至首次派遣，统计本时段内首次派遣的案件。平均结案用时：上报至结案，统计本时段内的结案。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="271"/>
        <source>Changes compare with the same figures for the previous day ({previous}), computed the same way.</source>
        <translation>变化值与前一日（{previous}）按相同口径计算的同项数据相比。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="284"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="76"/>
        <source>{start} to {end} ({tz})</source>
        <translation>{start} 至 {end}（{tz}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="289"/>
        <source>outcomes as of {time}</source>
        <translation>办理结果截至 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="291"/>
        <source>Nothing was reported, dispatched or closed in this period: the figures below are the cases left from earlier days.</source>
        <translation>本时段内无上报、派遣或结案：以下数字均为此前遗留的案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="301"/>
        <source>cases reported</source>
        <translation>上报案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="301"/>
        <source>4-week average</source>
        <translation>近 4 周平均</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="302"/>
        <location filename="../../commandcenter/reports/briefing.py" line="360"/>
        <source>No cases in this period.</source>
        <translation>本时段无案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="312"/>
        <source>Cases by category</source>
        <translation>案件类别分布</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="313"/>
        <source>Cases by source</source>
        <translation>案件来源分布</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="318"/>
        <source>Cases reported per hour</source>
        <translation>每小时上报案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="319"/>
        <source>Where the cases came from</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="320"/>
        <source>Cases by street</source>
        <translation>各街道案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="341"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="349"/>
        <source>no cases</source>
        <translation>无案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="349"/>
        <source>most cases</source>
        <translation>案件最多</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="349"/>
        <source>rising fastest</source>
        <translation>上升最快</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="380"/>
        <source>Overdue at {time} ({n})</source>
        <translation>截至 {time} 超时案件（{n}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="387"/>
        <source>Overdue by</source>
        <translation>超时时长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="406"/>
        <source>Open at end</source>
        <translation>期末在办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="417"/>
        <source>{shown} of {total} officers with open cases, cases moved in the period or cases due in it; most overdue first. On time: 按期处置率 of the cases due.</source>
        <translation>共 {total} 名网格员有在办案件、本时段有流转或有应结案件，列出 {shown} 名；超时最多者在前。按期：应结案件的按期处置率。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="37"/>
        <location filename="../../commandcenter/reports/briefing.py" line="352"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="37"/>
        <location filename="../../commandcenter/reports/briefing.py" line="407"/>
        <source>Cases due</source>
        <translation>应结案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="37"/>
        <source>Handled</source>
        <translation>处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="38"/>
        <location filename="../../commandcenter/reports/briefing.py" line="408"/>
        <source>On time</source>
        <translation>按期处置率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="38"/>
        <source>Reworked</source>
        <translation>返工率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="38"/>
        <source>Extended</source>
        <translation>延期率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="39"/>
        <source>Suspended</source>
        <translation>挂账率</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="39"/>
        <source>Sent back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="47"/>
        <source>Centre total</source>
        <translation>中心合计</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="62"/>
        <source>Ranked by on-time handling rate 按期处置率, then handling rate 处置率 and cases due. Cases due and rates as defined on page 1, each case counted for the unit that handled it at the period&apos;s end; the centre&apos;s total counts every case due.</source>
        <translation>按按期处置率排名，其次为处置率和应结案件数。应结案件和各比率的定义见第 1 页，每件案件计入时段结束时的处置单位；中心合计统计全部应结案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="66"/>
        <source>Assessment by street</source>
        <translation>各街道考核</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="67"/>
        <source>No case of a street fell due in this period.</source>
        <translation>本时段内没有街道的应结案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="68"/>
        <source>Assessment by department</source>
        <translation>各部门考核</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="69"/>
        <source>No case handled by a department fell due in this period.</source>
        <translation>本时段内没有部门处置的应结案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="352"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="66"/>
        <location filename="../../commandcenter/reports/briefing.py" line="352"/>
        <location filename="../../commandcenter/reports/briefing.py" line="386"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="62"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="353"/>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="31"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="353"/>
        <source>4-week avg</source>
        <translation>4周日均</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="353"/>
        <source>Rise</source>
        <translation>增幅</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="363"/>
        <source>No grid is rising against its 4-week average.</source>
        <translation>没有案件数较近 4 周日均上升的网格。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="365"/>
        <source>Rise = (cases + 1) / (4-week daily average + 1); a rising grid has at least {n} cases and more than its average.</source>
        <translation>增幅 = (案件数 + 1) / (近 4 周日均 + 1)；上升网格的案件数至少为 {n} 件且高于其日均值。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="369"/>
        <source>Hotspots</source>
        <translation>热点网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="372"/>
        <source>Grids with the most cases</source>
        <translation>案件最多的网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="373"/>
        <source>Grids rising fastest against their 4-week average</source>
        <translation>较近 4 周日均上升最快的网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="384"/>
        <source>No case is overdue.</source>
        <translation>无超时案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="385"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="61"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="97"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="385"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="72"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="61"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="385"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="79"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="61"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="386"/>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="30"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="71"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="62"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="386"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="77"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="62"/>
        <source>Handler</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="387"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="76"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="63"/>
        <source>Deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="400"/>
        <source>… and {n} more, the longest overdue listed first.</source>
        <translation>… 另有 {n} 件未列出；按超时时长从长到短排列。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="113"/>
        <source>Open now</source>
        <translation>当前在办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="407"/>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="32"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="112"/>
        <source>Fed back</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="415"/>
        <source>Officer workload</source>
        <translation>网格员工作量</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="421"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="131"/>
        <source>Officer no.</source>
        <translation>网格员工号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="421"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="131"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="152"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="425"/>
        <source>No officer had cases in this period.</source>
        <translation>本时段没有网格员承办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="426"/>
        <source>Department workload</source>
        <translation>职能部门工作量</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="428"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/assessment.py" line="68"/>
        <location filename="../../commandcenter/reports/briefing.py" line="428"/>
        <source>Department</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="432"/>
        <source>No department had cases in this period.</source>
        <translation>本时段没有职能部门承办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="437"/>
        <source>Handover notes</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="439"/>
        <source>No handover was written for this period.</source>
        <translation>本时段没有填写交接班记录。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="442"/>
        <source>draft, not signed</source>
        <translation>草稿，未签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="443"/>
        <source>signed by {author} at {time}, not yet acknowledged</source>
        <translation>{author} 于 {time} 签字，尚未确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="444"/>
        <source>signed by {author} at {time}, acknowledged by {ack} at {ack_time}</source>
        <translation>{author} 于 {time} 签字，{ack} 于 {ack_time} 确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="447"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="75"/>
        <source>{shift} shift of {date}</source>
        <translation>{date} {shift}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="449"/>
        <source>correction to handover #{id}</source>
        <translation>交接班记录 #{id} 的更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="456"/>
        <source>case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="458"/>
        <source>by {time}</source>
        <translation>{time} 前</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="482"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="172"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="165"/>
        <source>Printed by {user} at {time} ({tz})</source>
        <translation>{user} 于 {time}（{tz}）打印</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="485"/>
        <source>audit chain entry {seq} {hash}</source>
        <translation>审计链第 {seq} 条 {hash}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing.py" line="492"/>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="177"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="170"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="50"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="51"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="52"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="53"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="54"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="55"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/common.py" line="56"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="53"/>
        <source>Handover correction #{id}</source>
        <translation>交接班更正 #{id}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="54"/>
        <source>Shift handover #{id}</source>
        <translation>交接班记录 #{id}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="60"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="137"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="70"/>
        <source>… and {n} more.</source>
        <translation>… 另有 {n} 件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="81"/>
        <source>This note corrects handover #{id}, which stays as it was acknowledged.</source>
        <translation>本更正针对交接班记录 #{id}；原记录保持确认时的内容不变。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="83"/>
        <source>Signed by {name} at {time}</source>
        <translation>{name} 于 {time} 签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="84"/>
        <source>Draft, written by {name}: not signed</source>
        <translation>草稿，由 {name} 填写：未签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="85"/>
        <source>Acknowledged by {name} at {time}</source>
        <translation>{name} 于 {time} 确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="87"/>
        <source>Not yet acknowledged</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="90"/>
        <source>Corrected by note(s): {ids}</source>
        <translation>更正记录：{ids}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="92"/>
        <source>Notes</source>
        <translation>交班说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="93"/>
        <source>No notes.</source>
        <translation>无交班说明。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="94"/>
        <source>Pending items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="97"/>
        <source>Done</source>
        <translation>已办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="97"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="98"/>
        <source>What to do</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="103"/>
        <source>No pending items.</source>
        <translation>无待办事项。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="108"/>
        <source>The shift in figures</source>
        <translation>本班数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="109"/>
        <source>Drafted from the database at {time}.</source>
        <translation>于 {time} 根据数据库生成。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="124"/>
        <source>Escalated cases not overdue</source>
        <translation>未超时的催督办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="145"/>
        <source>Outgoing supervisor</source>
        <translation>交班值班长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="147"/>
        <source>Incoming supervisor</source>
        <translation>接班值班长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="152"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="161"/>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="56"/>
        <source>Dispatch slip</source>
        <translation>派遣单</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="63"/>
        <source>Not given: the reporter asked not to be named</source>
        <translation>未提供：反映人要求不具名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="67"/>
        <source>work order {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="69"/>
        <source>hotline due {time}</source>
        <translation>热线时限 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="73"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="74"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="111"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="78"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="146"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="154"/>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="154"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="152"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="155"/>
        <source>Result</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="156"/>
        <source>Done at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="156"/>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="153"/>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="167"/>
        <source>What was reported</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/dispatch_slip.py" line="168"/>
        <source>Receipt and result</source>
        <translation>签收与处置结果</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="118"/>
        <source>Open cases by stage</source>
        <translation>在办案件（按环节）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="123"/>
        <source>Overdue cases</source>
        <translation>超时案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="125"/>
        <source>Urgent cases of the shift</source>
        <translation>本班紧急案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="126"/>
        <source>Suspended cases</source>
        <translation>挂账案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="127"/>
        <source>Officers off duty or on leave ({n}); listed: those holding open cases or who went off duty during the shift</source>
        <translation>离岗或请假的网格员（{n}）；列出：持有在办案件或在本班内离岗的人员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="131"/>
        <source>Duty</source>
        <translation>在岗状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/handover_pdf.py" line="132"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="22"/>
        <source>Early warnings</source>
        <translation>事前预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="25"/>
        <source>No early warning is open.</source>
        <translation>当前没有待处理的预警。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="28"/>
        <source>{n} open: {counts}. The {shown} with the most evidence:</source>
        <translation>待处理{n}条：{counts}。证据最多的{shown}条：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="30"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="30"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="31"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="31"/>
        <source>Latest</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_warnings.py" line="34"/>
        <source>Open warnings raised by the end of the period; a supervisor acknowledges, acts on or dismisses each on the wall. Rising trends are tested against the same hours of the previous 8 weeks (exact Poisson test, 0.1 % false alarms per test).</source>
        <translation>截至本期末发出的待处理预警；值班长在案件墙上逐条确认、处置或排除。上升趋势与前8周同一时段比较（精确泊松检验，每次检验误报率0.1%）。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="26"/>
        <source>Referrals between centres</source>
        <translation>中心间流转</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="29"/>
        <source>No referral in the period.</source>
        <translation>本时段无流转案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="31"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="31"/>
        <source>Referred</source>
        <translation>流转</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="31"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="32"/>
        <source>Waiting</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="32"/>
        <source>Median hours</source>
        <translation>中位时长（小时）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="33"/>
        <source>p90 hours</source>
        <translation>90%分位时长（小时）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="34"/>
        <source>Out (we referred)</source>
        <translation>转出（本中心流转）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="36"/>
        <source>In (referred to us)</source>
        <translation>转入（流转至本中心）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/briefing_referrals.py" line="38"/>
        <source>Referred, returned and fed back count what happened in the period; waiting counts referrals to this centre not yet accepted or returned at its end. Hours run from the referral to the feedback of those fed back in the period.</source>
        <translation>流转、退回、反馈按本时段内发生的次数统计；待受理为时段结束时流转至本中心而尚未受理或退回的件数。时长为本时段内已反馈件从流转到反馈所用的小时数。</translation>
    </message>
</context>
<context>
    <name>briefing_checks</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="412"/>
        <source>{day} is in the future (today is {today}); a briefing reports days that have begun</source>
        <translation>{day} 尚未到来（今天是 {today}）；简报只能统计已经开始的日期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="415"/>
        <source>{day} is before the data: the first case was reported on {first}</source>
        <translation>{day} 早于数据起始日期：第一件案件上报于 {first}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="417"/>
        <source>this centre has no shift named {name}; its shifts are: {shifts}</source>
        <translation>本中心没有名为 {name} 的班次；现有班次：{shifts}</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="47"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="48"/>
        <source>Adjusted working day</source>
        <translation>调休工作日</translation>
    </message>
</context>
<context>
    <name>category_kind</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="38"/>
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="39"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="40"/>
        <source>Social governance</source>
        <translation>社会治理</translation>
    </message>
</context>
<context>
    <name>centre_level</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="33"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="34"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="35"/>
        <source>City</source>
        <translation>市</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../commandcenter/cli.py" line="37"/>
        <location filename="../../commandcenter/commands/drill.py" line="32"/>
        <source>replay a scenario or random cases into a demo database, live</source>
        <translation>向演示数据库实时回放演练脚本或随机案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="39"/>
        <location filename="../../commandcenter/commands/export.py" line="24"/>
        <source>export cases, handovers, unit KPIs (CSV) or Open311 JSON</source>
        <translation>导出案件、交接班、单位考核指标（CSV）或 Open311 JSON</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="40"/>
        <location filename="../../commandcenter/commands/imports.py" line="38"/>
        <source>import officers, departments, positions, grids or Open311 files</source>
        <translation>导入网格员、部门、位置、网格或 Open311 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="42"/>
        <location filename="../../commandcenter/commands/serve.py" line="22"/>
        <source>answer Open311 GeoReport v2 requests over HTTP</source>
        <translation>通过 HTTP 应答 Open311 GeoReport v2 请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="43"/>
        <location filename="../../commandcenter/commands/audit.py" line="18"/>
        <source>verify the audit trail&apos;s hash chain against its anchor</source>
        <translation>核查审计日志的哈希链及其锚点</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="44"/>
        <location filename="../../commandcenter/commands/backup.py" line="15"/>
        <source>copy a SQLite database consistently while it is in use</source>
        <translation>在使用中对 SQLite 数据库做一致性备份</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="45"/>
        <location filename="../../commandcenter/commands/restore.py" line="22"/>
        <source>replace a SQLite database by a checked backup</source>
        <translation>用经检查的备份替换 SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="46"/>
        <location filename="../../commandcenter/commands/user.py" line="30"/>
        <source>manage users and list roles (administrators)</source>
        <translation>管理用户并列出角色（管理员）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="47"/>
        <location filename="../../commandcenter/commands/search.py" line="24"/>
        <source>find cases of any age by number, text, address or phone</source>
        <translation>按编号、文字、地址或电话查找任意时期的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="48"/>
        <location filename="../../commandcenter/commands/warnings.py" line="30"/>
        <source>recompute and list the early warnings</source>
        <translation>重新计算并列出预警</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="80"/>
        <source>Grid Command Centre: case wall, dispatch, roster, maps, handovers and briefings. Without a command, opens the desktop application.</source>
        <translation>网格化指挥中心：案件墙、派遣、网格员名册、地图、交接班和简报。不带命令时打开桌面应用程序。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="84"/>
        <source>database file path or SQLAlchemy URL (default: the demo database)</source>
        <translation>数据库文件路径或 SQLAlchemy URL（默认：演示数据库）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="85"/>
        <source>sign in as this user without the login dialog (demo databases only)</source>
        <translation>不经登录对话框直接以此用户登录（仅限演示数据库）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="86"/>
        <source>interface language: en or zh_CN</source>
        <translation>界面语言：en 或 zh_CN</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="87"/>
        <source>more detail in the log file</source>
        <translation>在日志文件中记录更多细节</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="120"/>
        <source>commandcenter: unexpected error; details in {log}</source>
        <translation>commandcenter：发生意外错误；详情见 {log}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli_arguments.py" line="17"/>
        <source>not a date (YYYY-MM-DD): {value}</source>
        <translation>不是日期（YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="34"/>
        <location filename="../../commandcenter/commands/briefing.py" line="31"/>
        <source>print the daily or a shift&apos;s briefing as a PDF</source>
        <translation>将每日简报或班次简报输出为 PDF</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="33"/>
        <source>the day, YYYY-MM-DD, in the centre&apos;s time zone</source>
        <translation>日期，格式 YYYY-MM-DD，按指挥中心所在时区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="34"/>
        <source>a shift&apos;s name (e.g. Night) for a shift briefing; default: the whole day</source>
        <translation>班次名称（如 Night），用于生成班次简报；默认：全天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="37"/>
        <source>language of the briefing (default: the interface language)</source>
        <translation>简报语言（默认：界面语言）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="38"/>
        <source>command centre code (default: the top-level centre)</source>
        <translation>指挥中心编码（默认：最上级指挥中心）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="39"/>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="46"/>
        <source>the output file must end in .pdf</source>
        <translation>输出文件名必须以 .pdf 结尾</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="49"/>
        <source>the folder {folder} does not exist; create it or choose another --out</source>
        <translation>文件夹 {folder} 不存在；请先创建，或另选 --out</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="60"/>
        <source>{path}: shift briefing of {day}, {size} bytes, sha256 {sha}</source>
        <translation>{path}：{day} 班次简报，{size} 字节，sha256 {sha}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="61"/>
        <source>{path}: daily briefing of {day}, {size} bytes, sha256 {sha}</source>
        <translation>{path}：{day} 每日简报，{size} 字节，sha256 {sha}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/briefing.py" line="64"/>
        <source>warning: nothing was reported, dispatched or closed on {day}{shift}; the briefing shows only what was still open</source>
        <translation>警告：{day}{shift} 没有上报、派遣或结案的案件；简报只显示仍在办理的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="35"/>
        <location filename="../../commandcenter/commands/db.py" line="14"/>
        <source>database maintenance</source>
        <translation>数据库维护</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/db.py" line="16"/>
        <source>create or upgrade a database to the current schema</source>
        <translation>创建数据库，或将其升级到当前结构版本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/audit.py" line="20"/>
        <source>recompute the chain and compare it with its anchor</source>
        <translation>重新计算哈希链并与锚点比对</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/audit.py" line="21"/>
        <location filename="../../commandcenter/commands/backup.py" line="16"/>
        <location filename="../../commandcenter/commands/briefing.py" line="32"/>
        <location filename="../../commandcenter/commands/db.py" line="17"/>
        <location filename="../../commandcenter/commands/drill.py" line="33"/>
        <location filename="../../commandcenter/commands/export.py" line="37"/>
        <location filename="../../commandcenter/commands/holidays.py" line="19"/>
        <location filename="../../commandcenter/commands/holidays.py" line="23"/>
        <location filename="../../commandcenter/commands/imports.py" line="42"/>
        <location filename="../../commandcenter/commands/info.py" line="16"/>
        <location filename="../../commandcenter/commands/restore.py" line="23"/>
        <location filename="../../commandcenter/commands/search.py" line="25"/>
        <location filename="../../commandcenter/commands/serve.py" line="23"/>
        <location filename="../../commandcenter/commands/user.py" line="35"/>
        <location filename="../../commandcenter/commands/warnings.py" line="31"/>
        <location filename="../../commandcenter/export_kinds.py" line="40"/>
        <source>database file path or SQLAlchemy URL</source>
        <translation>数据库文件路径或 SQLAlchemy URL</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/db.py" line="28"/>
        <source>{db}: schema already current ({rev})</source>
        <translation>{db}：数据库结构已是最新版本（{rev}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/db.py" line="31"/>
        <source>{db}: schema {before} -&gt; {after}</source>
        <translation>{db}：数据库结构 {before} -&gt; {after}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/db.py" line="32"/>
        <location filename="../../commandcenter/commands/info.py" line="37"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="36"/>
        <location filename="../../commandcenter/commands/demo.py" line="18"/>
        <source>generate a demo city with case history</source>
        <translation>生成带有案件历史的演示城市</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="19"/>
        <source>database file path or SQLAlchemy URL (empty, unless --reset)</source>
        <translation>数据库文件路径或 SQLAlchemy URL（须为空库，--reset 时除外）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="21"/>
        <source>days of history ending now</source>
        <translation>截至当前的历史天数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="24"/>
        <source>reset the demo database to its generated state (undoes every drill)</source>
        <translation>将演示数据库重置为生成时的状态（撤销所有演练）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="49"/>
        <source>Demo reset to its generated state: {before} cases before, {after} now ({seconds:.1f} s)</source>
        <translation>演示数据已重置为生成时的状态：重置前 {before} 件案件，现在 {after} 件（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="58"/>
        <source>error: --days must be between 1 and 3660</source>
        <translation>错误：--days 必须在 1 到 3660 之间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="62"/>
        <source>the folder {folder} does not exist; create it or choose another --db</source>
        <translation>文件夹 {folder} 不存在；请先创建，或另选 --db</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="66"/>
        <source>Preparing the database…</source>
        <translation>正在准备数据库…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="75"/>
        <source>Demo city &apos;{scale}&apos; (seed {seed}) in {db}, {seconds:.1f} s</source>
        <translation>演示城市“{scale}”（种子 {seed}）已生成于 {db}，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="80"/>
        <source>{districts} districts, {streets} streets, {communities} communities, {grids} unit grids</source>
        <translation>区/县 {districts} 个，街道 {streets} 个，社区 {communities} 个，单元网格 {grids} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="84"/>
        <source>{officers} officers, {departments} departments, {users} users</source>
        <translation>网格员 {officers} 名，职能部门 {departments} 个，用户 {users} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/demo.py" line="86"/>
        <source>{cases} cases from {first_day} to {last_day} ({history_rows} history rows); {open_cases} open, {overdue_cases} overdue</source>
        <translation>{first_day} 至 {last_day} 共 {cases} 件案件（历史记录 {history_rows} 条）；在办 {open_cases} 件，超时 {overdue_cases} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="41"/>
        <location filename="../../commandcenter/commands/info.py" line="15"/>
        <source>print the schema version and counts</source>
        <translation>显示数据库结构版本和数据统计</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="17"/>
        <location filename="../../commandcenter/commands/search.py" line="36"/>
        <location filename="../../commandcenter/commands/warnings.py" line="33"/>
        <source>machine-readable output</source>
        <translation>输出机器可读的格式</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="33"/>
        <source>  [demo {scale}]</source>
        <translation>  [演示 {scale}]</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="35"/>
        <source>database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="36"/>
        <source>schema: {rev} (current: {head})</source>
        <translation>数据库结构：{rev}（当前版本：{head}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="39"/>
        <source>districts: {d}  streets: {s}  communities: {c}  grids: {g}</source>
        <translation>区县：{d}  街道：{s}  社区：{c}  网格：{g}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="42"/>
        <source>grid area: {km2} km²</source>
        <translation>网格面积：{km2} 平方公里</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="43"/>
        <source>officers: {o}  departments: {d}  users: {u}</source>
        <translation>网格员：{o}  职能部门：{d}  用户：{u}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="46"/>
        <source>cases: {n}  open: {open}  overdue: {overdue}</source>
        <translation>案件：{n}  在办：{open}  超时：{overdue}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="52"/>
        <source>reported: {first} … {last} UTC</source>
        <translation>上报时间：{first} … {last}（UTC）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="57"/>
        <source>by status: {counts}</source>
        <translation>按状态：{counts}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/info.py" line="63"/>
        <source>warning: no holiday calendar for {years}; working-time limits there count Monday to Friday only</source>
        <translation>警告：缺少 {years} 年的节假日日历，该年的工作时限仅按周一至周五计算</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="44"/>
        <source>seconds to run (default: until Ctrl-C)</source>
        <translation>运行秒数（默认：直到按 Ctrl-C）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="47"/>
        <source>drill only in the area of the command centre with this code</source>
        <translation>只在此编码的指挥中心辖区内演练</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="34"/>
        <source>scenario file to replay (YAML; see docs/scenarios.md)</source>
        <translation>要回放的演练脚本文件（YAML 格式，见 docs/scenarios.md）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="35"/>
        <source>play the scenario this many times faster than real time (default: the scenario&apos;s own, else 1)</source>
        <translation>以实际时间的若干倍速回放脚本（默认：脚本自带的倍速，否则为 1）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="38"/>
        <source>random new cases per minute besides the scenario; decimals allowed (0.5 is one every two minutes)</source>
        <translation>脚本之外每分钟随机新增案件数；可用小数（0.5 即每两分钟一件）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="41"/>
        <source>also work the cases already in the database, at a realistic pace</source>
        <translation>同时按真实节奏处理数据库中已有的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="43"/>
        <source>only check the scenario against the database; write nothing</source>
        <translation>只按数据库检查脚本，不写入任何数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="45"/>
        <source>random seed: the same seed gives the same cases (default: the scenario&apos;s, else 1)</source>
        <translation>随机种子：相同的种子生成相同的案件（默认：脚本中的种子，否则为 1）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="52"/>
        <source>{cases} new cases ({registered} registered at once), {accepted} accepted, {sent_back} sent back, {fed_back} fed back, {checked} checked, {followed_up} followed up, {events} events, {positions} positions, {escalations} escalations, {skipped} skipped</source>
        <translation>新增案件 {cases} 件（其中 {registered} 件当即立案），签收 {accepted} 件，退回 {sent_back} 件，反馈 {fed_back} 件，核查 {checked} 件，回访 {followed_up} 件，现场事件 {events} 个，位置上报 {positions} 次，催督办 {escalations} 次，跳过 {skipped} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="61"/>
        <source>{elapsed:.0f} s: {counts}</source>
        <translation>{elapsed:.0f} 秒：{counts}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="67"/>
        <source>reconnected</source>
        <translation>已重新连接</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="68"/>
        <source>database unreachable; retrying… ({reason})</source>
        <translation>数据库无法连接，正在重试…（{reason}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="73"/>
        <source>--rate must be a number of cases per minute above 0 and at most {maximum:g} (got {value})</source>
        <translation>--rate 须为每分钟案件数，大于 0 且不超过 {maximum:g}（实际为 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="74"/>
        <source>--duration must be a number of seconds above 0 (got {value})</source>
        <translation>--duration 须为大于 0 的秒数（实际为 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="75"/>
        <source>--seed must be a whole number (got {value})</source>
        <translation>--seed 须为整数（实际为 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="76"/>
        <source>--speed must be a number above 0 and at most {maximum:g} (got {value})</source>
        <translation>--speed 必须是大于 0 且不超过 {maximum:g} 的数（收到 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="77"/>
        <source>say what to play: --scenario FILE, --rate CASES_PER_MINUTE, or both</source>
        <translation>请指定回放内容：--scenario 脚本文件、--rate 每分钟案件数，或两者同时指定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="136"/>
        <source>{elapsed:.0f} s (scenario {clock}, {done}/{total} items): {counts}</source>
        <translation>{elapsed:.0f} 秒（脚本时间 {clock}，已回放 {done}/{total} 项）：{counts}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="157"/>
        <source>{file}: {items} items, {minutes:.0f} scenario minutes: playable on {db}</source>
        <translation>{file}：共 {items} 项，脚本时长 {minutes:.0f} 分钟：可在 {db} 上回放</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="161"/>
        <source>for {seconds:g} s</source>
        <translation>持续 {seconds:g} 秒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="162"/>
        <source>until Ctrl-C</source>
        <translation>直到按 Ctrl-C</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="165"/>
        <source>Drill on {db}: scenario “{name}” ({items} items) at {speed:g}× {how_long}, seed {seed}, {grids} grids</source>
        <translation>在 {db} 上演练：脚本“{name}”（{items} 项），{speed:g} 倍速，{how_long}，随机种子 {seed}，网格 {grids} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="170"/>
        <source>Drill on {db}: {rate:g} new cases a minute {how_long}, seed {seed}, {grids} grids</source>
        <translation>在 {db} 上演练：每分钟新增案件 {rate:g} 件，{how_long}，随机种子 {seed}，网格 {grids} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/drill.py" line="176"/>
        <source>Drill finished after {elapsed:.1f} s: {counts}</source>
        <translation>演练在 {elapsed:.1f} 秒后结束：{counts}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="23"/>
        <source>officers from CSV: employee_no,name,phone,grid_codes,duty_status (grid_codes ;-separated)</source>
        <translation>从 CSV 导入网格员：employee_no,name,phone,grid_codes,duty_status（grid_codes 以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="24"/>
        <source>departments from CSV: code,name,phone,category_codes (category_codes ;-separated)</source>
        <translation>从 CSV 导入职能部门：code,name,phone,category_codes（category_codes 以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="25"/>
        <source>timestamped officer positions from CSV (employee_no,at,lon,lat) or JSON</source>
        <translation>从 CSV（employee_no,at,lon,lat）或 JSON 导入带时间戳的网格员位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="26"/>
        <source>unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)</source>
        <translation>从 GeoJSON 面要素集合（含 code 和 name，WGS84）导入单元网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="27"/>
        <source>named places for address look-up from CSV: name,kind,lon,lat[,grid_code]</source>
        <translation>地址查询用的地名，CSV：name,kind,lon,lat[,grid_code]</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="28"/>
        <source>the city&apos;s roads from a GeoJSON FeatureCollection of lines with name and class (WGS84); replaces the stored roads</source>
        <translation>城市道路，GeoJSON 线要素集合，含 name 和 class（WGS84）；替换已存的道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="30"/>
        <source>cases from an Open311 GeoReport v2 JSON list of service requests</source>
        <translation>从 Open311 GeoReport v2 服务请求 JSON 列表导入案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="31"/>
        <source>replace the Open311 service list (service_code to category) from JSON</source>
        <translation>用 JSON 替换 Open311 服务清单（service_code 对应类别）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="43"/>
        <source>the file to import (UTF-8, UTF-8 with BOM or GBK)</source>
        <translation>要导入的文件（UTF-8、带 BOM 的 UTF-8 或 GBK）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="46"/>
        <source>let district_name, street_name and community_name rename stored areas (recorded in the audit trail); without it a differing name refuses the file</source>
        <translation>允许 district_name、street_name、community_name 改写已有区域的名称（记入审计日志）；不加此项时名称不同则拒绝整个文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="51"/>
        <source>what the coordinates are in: wgs84 (default) or gcj02 (read off Amap, Tencent or WeChat; converted to WGS-84)</source>
        <translation>坐标所用坐标系：wgs84（默认）或 gcj02（从高德、腾讯或微信读取；转换为 WGS-84）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="55"/>
        <source>name of the feed the file comes from: its service_request_ids are unique within it (default: open311)</source>
        <translation>文件来源数据源的名称：其中的 service_request_id 在该来源内唯一（默认：open311）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="62"/>
        <source>officers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="63"/>
        <source>departments</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="64"/>
        <source>positions</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="65"/>
        <source>grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="66"/>
        <source>places</source>
        <translation>地名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="67"/>
        <source>roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="68"/>
        <source>service requests</source>
        <translation>服务请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="69"/>
        <source>Open311 services</source>
        <translation>Open311 服务</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="72"/>
        <source>Imported {kind} from {file} ({encoding}): {created} created, {updated} updated, {unchanged} unchanged</source>
        <translation>已从 {file}（{encoding}）导入{kind}：新增 {created}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="79"/>
        <source>Imported positions from {file} ({encoding}): {created} positions stored, {updated} officers moved</source>
        <translation>已从 {file}（{encoding}）导入位置：保存位置 {created} 条，更新网格员位置 {updated} 名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="85"/>
        <source>Created {districts} districts, {streets} streets, {communities} communities</source>
        <translation>新建区/县 {districts} 个、街道 {streets} 个、社区 {communities} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="89"/>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="89"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="89"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="91"/>
        <source>Renamed {kind} {code}: {old} -&gt; {new}</source>
        <translation>已改名{kind} {code}：{old} -&gt; {new}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="94"/>
        <source>warning: {where}: {why}</source>
        <translation>警告：{where}：{why}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="99"/>
        <source>{file}: nothing imported, {n} problem(s):</source>
        <translation>{file}：未导入任何数据，发现 {n} 个问题：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/imports.py" line="102"/>
        <source>  … and {n} more</source>
        <translation>  … 另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../commandcenter/cli.py" line="38"/>
        <location filename="../../commandcenter/commands/holidays.py" line="16"/>
        <source>list or load the holiday calendar of a year</source>
        <translation>查看或导入某年的节假日日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/holidays.py" line="18"/>
        <source>list a year&apos;s holidays and adjusted working days</source>
        <translation>列出某年的节假日和调休工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/holidays.py" line="22"/>
        <source>replace a year&apos;s calendar from a CSV file (date,kind,name)</source>
        <translation>用 CSV 文件（date,kind,name）替换某年的日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/holidays.py" line="40"/>
        <source>{year} is not covered: working-time limits count Monday to Friday only</source>
        <translation>{year} 年尚无日历：工作时限仅按周一至周五计算</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/holidays.py" line="51"/>
        <source>{year}: {n} holidays and adjusted working days loaded</source>
        <translation>{year} 年：已导入 {n} 个节假日和调休工作日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/backup.py" line="17"/>
        <source>the copy to write (owner-only)</source>
        <translation>要写入的备份文件（仅所有者可读写）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/backup.py" line="18"/>
        <source>no progress on standard error</source>
        <translation>不在标准错误输出显示进度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/backup.py" line="35"/>
        <source>Backed up {db} to {out} ({pages} pages)</source>
        <translation>已将 {db} 备份到 {out}（{pages} 页）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/backup.py" line="38"/>
        <source>Audit anchor copied to {anchor}</source>
        <translation>审计锚点已复制到 {anchor}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="26"/>
        <source>service requests as a GeoReport v2 JSON list</source>
        <translation>以 GeoReport v2 JSON 列表导出服务请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="27"/>
        <source>only requests reported at or after this ISO 8601 time</source>
        <translation>仅导出在此 ISO 8601 时间及之后上报的请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="29"/>
        <source>export as this user (password asked for, or $COMMANDCENTER_PASSWORD; none on a demo database); default: the command line&apos;s account, personal data masked</source>
        <translation>以该用户身份导出（询问密码，或取 $COMMANDCENTER_PASSWORD；演示数据库无需密码）；默认：命令行账户，个人信息脱敏</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="33"/>
        <source>the service list (service_code and its category) as JSON</source>
        <translation>以 JSON 导出服务清单（service_code 及其对应类别）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="35"/>
        <source>every minor category under its own code, as a list to edit and import</source>
        <translation>每个小类以自身编码列出，作为可编辑后导入的清单</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="38"/>
        <source>file to write (default: standard output)</source>
        <translation>写入的文件（默认：标准输出）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/export.py" line="56"/>
        <source>--since {value} is not an ISO 8601 time with its offset</source>
        <translation>--since {value} 不是带时区偏移的 ISO 8601 时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/restore.py" line="25"/>
        <source>the backup to restore (checked before anything is replaced)</source>
        <translation>要恢复的备份文件（替换前先检查）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/restore.py" line="33"/>
        <source>Restored {db} from {file} (schema {revision})</source>
        <translation>已从 {file} 恢复 {db}（架构版本 {revision}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/restore.py" line="36"/>
        <source>The replaced database is kept as {path}</source>
        <translation>被替换的数据库已保留为 {path}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/restore.py" line="41"/>
        <source>Run &apos;commandcenter db upgrade --db {db}&apos; before opening it</source>
        <translation>打开前请先运行 &apos;commandcenter db upgrade --db {db}&apos;</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/serve.py" line="24"/>
        <source>TCP port to listen on</source>
        <translation>监听的 TCP 端口</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/serve.py" line="26"/>
        <source>address to listen on (default: loopback only)</source>
        <translation>监听地址（默认：仅本机回环）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/serve.py" line="27"/>
        <source>the key POST requests must carry (default: $COMMANDCENTER_API_KEY; without one, reads only)</source>
        <translation>POST 请求须携带的密钥（默认：$COMMANDCENTER_API_KEY；未设置时只读）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/serve.py" line="43"/>
        <source>Open311 endpoint at http://{host}:{port}/ (Ctrl+C to stop)</source>
        <translation>Open311 接口地址 http://{host}:{port}/（按 Ctrl+C 停止）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/serve.py" line="46"/>
        <source>no API key given: POST requests are refused</source>
        <translation>未提供 API 密钥：POST 请求将被拒绝</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="36"/>
        <source>the administrator who signs in to make the change (password asked for, or ${env})</source>
        <translation>执行此更改并登录的管理员（将询问密码，或取自 ${env}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="42"/>
        <source>add a user (the new password is asked for twice)</source>
        <translation>添加用户（新密码需输入两次）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="44"/>
        <source>the person&apos;s full name</source>
        <translation>此人的姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="46"/>
        <source>the user&apos;s command centre by code (default: the admin&apos;s)</source>
        <translation>用户所属指挥中心的编码（默认：与管理员相同）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="47"/>
        <source>disable a user: they can no longer sign in or act</source>
        <translation>停用用户：其不能再登录或操作</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="49"/>
        <source>set a user&apos;s password (asked for twice) and lift a lockout</source>
        <translation>设置用户密码（输入两次）并解除锁定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="52"/>
        <source>list the users</source>
        <translation>列出用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="53"/>
        <source>list the roles and their permissions</source>
        <translation>列出角色及其权限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="59"/>
        <location filename="../../commandcenter/export_kinds.py" line="68"/>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="64"/>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="65"/>
        <source>Repeat the new password: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="67"/>
        <source>the two passwords differ; nothing was changed</source>
        <translation>两次输入的密码不一致；未作任何更改</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="98"/>
        <source>added {user} ({role}) at {centre}</source>
        <translation>已添加 {user}（{role}），所属 {centre}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="107"/>
        <source>disabled {user}</source>
        <translation>已停用 {user}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="116"/>
        <source>password set for {user}</source>
        <translation>已为 {user} 设置密码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="125"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="125"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="125"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="126"/>
        <source>centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="126"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="126"/>
        <source>locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="127"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="127"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/user.py" line="130"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="34"/>
        <source>cases as CSV (UTF-8 with BOM), by report date and status</source>
        <translation>按上报日期和状态导出案件 CSV（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="35"/>
        <source>handover records with their notes and pending items as CSV</source>
        <translation>交接班记录及其交班说明和待办事项（CSV）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="36"/>
        <source>a day&apos;s per-street and per-department figures as CSV, as the briefing&apos;s tables</source>
        <translation>某日按街道和按部门的考核数据（CSV），与简报中的表格一致</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="41"/>
        <source>the CSV file to write</source>
        <translation>要写入的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="42"/>
        <source>export as this user (password asked for, or ${env}; none on a demo database); default: the command line&apos;s account, personal data masked</source>
        <translation>以该用户身份导出（询问密码，或取自 ${env}；演示数据库无需密码）；默认使用命令行账户，个人信息脱敏</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="47"/>
        <source>the day (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="48"/>
        <source>command centre code (default: the user&apos;s, or the top-level centre)</source>
        <translation>指挥中心编码（默认：用户所属中心，或最上级中心）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="52"/>
        <source>first day (YYYY-MM-DD), included</source>
        <translation>起始日期（YYYY-MM-DD），含当日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="54"/>
        <source>last day (YYYY-MM-DD), included</source>
        <translation>截止日期（YYYY-MM-DD），含当日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="57"/>
        <source>only cases in this status (repeat for several)</source>
        <translation>只导出该状态的案件（可重复指定多个）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="90"/>
        <source>Exported {n} rows to {file} (personal data masked)</source>
        <translation>已导出 {n} 行到 {file}（个人信息已脱敏）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/export_kinds.py" line="91"/>
        <source>Exported {n} rows to {file}</source>
        <translation>已导出 {n} 行到 {file}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="26"/>
        <source>words, a case number or a phone number (all must match)</source>
        <translation>关键词、案件编号或电话号码（须全部匹配）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="27"/>
        <source>a grid code, or a community&apos;s or street&apos;s code</source>
        <translation>网格编码，或社区、街道编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="28"/>
        <source>the handling officer&apos;s employee number</source>
        <translation>承办网格员的工号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="29"/>
        <source>the handling department&apos;s code</source>
        <translation>承办部门的编码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="30"/>
        <source>a status (repeatable)</source>
        <translation>状态（可重复）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="31"/>
        <source>first report day</source>
        <translation>上报起始日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="32"/>
        <source>last report day</source>
        <translation>上报截止日</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="33"/>
        <source>most cases to list</source>
        <translation>最多列出的案件数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="34"/>
        <source>search as this user (default: the command line&apos;s account, personal data masked)</source>
        <translation>以该用户身份查找（默认：命令行账户，个人信息脱敏显示）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/search.py" line="79"/>
        <source>{shown} of {total} cases</source>
        <translation>共 {total} 件，显示 {shown} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/warnings.py" line="32"/>
        <source>as of the end of this day, YYYY-MM-DD (default: now)</source>
        <translation>截至该日结束，YYYY-MM-DD（默认：现在）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/warnings.py" line="54"/>
        <source>{day} is in the future</source>
        <translation>{day}尚未到来</translation>
    </message>
    <message>
        <location filename="../../commandcenter/commands/warnings.py" line="68"/>
        <source>as of {at}: {raised} raised, {reopened} re-opened, {updated} with new evidence, {open} open ({cases} cases read in {seconds:.1f} s)</source>
        <translation>截至{at}：新发{raised}条，重新打开{reopened}条，有新证据{updated}条，待处理{open}条（{seconds:.1f}秒读取{cases}件案件）</translation>
    </message>
</context>
<context>
    <name>correction</name>
    <message>
        <location filename="../../commandcenter/correction_labels.py" line="13"/>
        <source>Category corrected: {old} → {new}</source>
        <translation>类别更正：{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/correction_labels.py" line="14"/>
        <source>Grid corrected: {old} → {new}</source>
        <translation>网格更正：{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/correction_labels.py" line="15"/>
        <source>Grid {grid} belongs to {centre}: a case in another centre&apos;s area is transferred or referred there, not corrected into it. Nothing was changed.</source>
        <translation>网格 {grid} 属于{centre}：其他指挥中心辖区的案件应转办或上报至该中心，不能通过更正改入。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/correction_labels.py" line="17"/>
        <source>Case {case} already has this category and grid: choose what is to change.</source>
        <translation>案件 {case} 已是此类别和网格：请选择要更正的内容。</translation>
    </message>
</context>
<context>
    <name>debrief</name>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="17"/>
        <source>register</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="18"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="19"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="23"/>
        <source>alerted</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="24"/>
        <source>grouped</source>
        <translation>合并提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="62"/>
        <location filename="../../commandcenter/debrief_labels.py" line="73"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="64"/>
        <location filename="../../commandcenter/debrief_labels.py" line="77"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="87"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="162"/>
        <source>still wrong</source>
        <translation>仍不符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="87"/>
        <source>as intended</source>
        <translation>与脚本相符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="93"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="94"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="103"/>
        <source>Registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="95"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="104"/>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="96"/>
        <source>Mean time to register</source>
        <translation>平均立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="97"/>
        <source>Longest time to register</source>
        <translation>最长立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="98"/>
        <source>Mean time to dispatch</source>
        <translation>平均派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="99"/>
        <source>Longest time to dispatch</source>
        <translation>最长派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="100"/>
        <source>Urgent dispatched within the goal</source>
        <translation>紧急案件按目标派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="101"/>
        <source>Reminders (催办)</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="102"/>
        <source>Overdue cases (督办)</source>
        <translation>超时案件（督办）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="103"/>
        <source>Wrong category</source>
        <translation>类别有误</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="104"/>
        <source>Wrong grid</source>
        <translation>网格有误</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="105"/>
        <source>Urgent alerts shown (in flood summaries)</source>
        <translation>紧急提醒（合并提醒）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="106"/>
        <source>Cases missing a goal</source>
        <translation>未达目标的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="107"/>
        <source>Corrections (更正) / cases corrected</source>
        <translation>更正次数 / 涉及案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="108"/>
        <source>Cases still not as intended at the end</source>
        <translation>结束时仍与脚本不符的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/debrief_labels.py" line="114"/>
        <source>Goals: registered within {register:g} min, dispatched within {dispatch:g} min, urgent cases dispatched within {urgent:g} min</source>
        <translation>目标：{register:g} 分钟内立案，{dispatch:g} 分钟内派遣，紧急案件 {urgent:g} 分钟内派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="69"/>
        <source>Drill debrief</source>
        <translation>演练讲评</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="73"/>
        <source>Drill run #{id}</source>
        <translation>演练场次 #{id}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="74"/>
        <source>Cases arrived in the period</source>
        <translation>期间到达的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="75"/>
        <source>{start} to {end} ({tz})</source>
        <translation>{start} 至 {end}（{tz}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="96"/>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="100"/>
        <source>Per operator</source>
        <translation>按值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="102"/>
        <source>Nobody registered or dispatched a case.</source>
        <translation>没有人立案或派遣案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="103"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="103"/>
        <source>Mean to register</source>
        <translation>平均立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="104"/>
        <source>Mean to dispatch</source>
        <translation>平均派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="104"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="123"/>
        <source>Goals missed</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="105"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="117"/>
        <source>Per case</source>
        <translation>按案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="119"/>
        <source>No case arrived.</source>
        <translation>没有案件到达。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="120"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="157"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="120"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="120"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="121"/>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="121"/>
        <source>To register</source>
        <translation>立案用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="121"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="122"/>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="157"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="122"/>
        <source>To dispatch</source>
        <translation>派遣用时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="122"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="123"/>
        <source>Wrong</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="157"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="157"/>
        <source>Changed</source>
        <translation>更正项</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="158"/>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="158"/>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="158"/>
        <source>Case at the end</source>
        <translation>案件最终状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="167"/>
        <source>Corrections during the drill</source>
        <translation>演练中的更正</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="172"/>
        <source>Printed by {user} at {time} ({tz})</source>
        <translation>{user} 于 {time}（{tz}）打印</translation>
    </message>
    <message>
        <location filename="../../commandcenter/reports/debrief_pdf.py" line="178"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../commandcenter/demo_labels.py" line="13"/>
        <source>Drawing the map…</source>
        <translation>正在绘制地图…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/demo_labels.py" line="14"/>
        <source>Staffing the command centres…</source>
        <translation>正在配置指挥中心人员…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/demo_labels.py" line="15"/>
        <source>Writing the case history: day {done} of {days}</source>
        <translation>正在写入案件历史：第 {done} 天，共 {days} 天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/demo_labels.py" line="16"/>
        <source>Building indexes…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/demo_labels.py" line="17"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>dispatch</name>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="27"/>
        <source>responsible for grid {grid}</source>
        <translation>负责网格 {grid}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="28"/>
        <source>covers another grid in {community}</source>
        <translation>负责{community}内的其他网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="29"/>
        <source>on duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="30"/>
        <source>in the field</source>
        <translation>外勤</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="31"/>
        <source>off duty</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="32"/>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="33"/>
        <source>position unknown</source>
        <translation>位置未知</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="34"/>
        <source>handles {category} in {district}</source>
        <translation>承办{district}的{category}类案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="35"/>
        <source>handles {category} city-wide</source>
        <translation>承办全市的{category}类案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="36"/>
        <source>last seen {age} ago</source>
        <translation>最近定位：{age}前</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="38"/>
        <source>no open cases</source>
        <translation>无在办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="39"/>
        <source>1 open case</source>
        <translation>在办案件 1 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="40"/>
        <source>{n} open cases</source>
        <translation>在办案件 {n} 件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="41"/>
        <source>{distance} m away</source>
        <translation>距离 {distance} 米</translation>
    </message>
    <message>
        <location filename="../../commandcenter/dispatch_labels.py" line="42"/>
        <source>{distance} km away</source>
        <translation>距离 {distance} 公里</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="252"/>
        <source>{n} min</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="254"/>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="255"/>
        <source>{n} days</source>
        <translation>{n}天</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="112"/>
        <source>No clock</source>
        <translation>不计时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="113"/>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="114"/>
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="115"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
</context>
<context>
    <name>duration</name>
    <message>
        <location filename="../../commandcenter/gui/localtime.py" line="43"/>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gui/localtime.py" line="44"/>
        <source>{d} d</source>
        <translation>{d}天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gui/localtime.py" line="46"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h}小时{m:02d}分</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gui/localtime.py" line="47"/>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
</context>
<context>
    <name>duty</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="95"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="96"/>
        <source>Off duty</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="97"/>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="98"/>
        <source>In the field</source>
        <translation>外勤</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="266"/>
        <source>{who} already acknowledged this warning at {at}. Nothing was changed.</source>
        <translation>{who}已于{at}确认此预警，本次未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="267"/>
        <source>{who} already acted on this warning at {at}. Nothing was changed.</source>
        <translation>{who}已于{at}处置此预警，本次未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="268"/>
        <source>{who} already dismissed this warning at {at}. Nothing was changed.</source>
        <translation>{who}已于{at}排除此预警，本次未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="272"/>
        <source>Case {case} cannot be merged into itself.</source>
        <translation>案件 {case} 不能合并到自身。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="273"/>
        <source>Case {other} is {status}: a case can only be merged into an open case.</source>
        <translation>案件 {other} 已{status}：只能合并到在办案件。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="274"/>
        <source>Cases {case} and {other} belong to different command centres: they cannot be merged.</source>
        <translation>案件 {case} 和 {other} 属于不同的指挥中心，不能合并。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="279"/>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="280"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="281"/>
        <source>major category</source>
        <translation>大类</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="282"/>
        <source>command centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="283"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="284"/>
        <source>escalation</source>
        <translation>催督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="285"/>
        <source>handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="286"/>
        <source>officer</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="287"/>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="288"/>
        <source>system account</source>
        <translation>系统账户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="289"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="293"/>
        <source>--user works only on demo databases: this database needs a sign-in with a password.</source>
        <translation>--user 仅可用于演示数据库：此数据库需要用密码登录。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="295"/>
        <source>This database already has users; ask an administrator for an account.</source>
        <translation>此数据库已有用户；请向管理员申请账号。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="299"/>
        <source>{location} has no snapshot of its generated state (demos generated before this version have none): generate the demo again. Nothing was changed.</source>
        <translation>{location} 没有生成时状态的快照（此版本之前生成的演示数据库没有快照）：请重新生成演示数据。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="301"/>
        <source>The snapshot of {location} is of another schema version (the database was upgraded since): generate the demo again. Nothing was changed.</source>
        <translation>{location} 的快照属于另一个数据库结构版本（数据库此后已升级）：请重新生成演示数据。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="303"/>
        <source>{location} is held in memory only: it has no snapshot of its generated state to reset from. Nothing was changed.</source>
        <translation>{location} 仅存在于内存中：没有生成时状态的快照可供重置。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="305"/>
        <source>{location} cannot be reset: the database role this program signs in as may not empty its tables (the audit anchor may belong to an audit role). Nothing was changed.</source>
        <translation>无法重置 {location}：本程序登录所用的数据库角色无权清空其数据表（审计锚点可能归属审计角色）。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="314"/>
        <source>Case {case} is {status}: “{action}” is not possible now.</source>
        <translation>案件 {case} 当前为{status}：现在不能“{action}”。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="319"/>
        <source>Case {case} was due {at}: an extension must be requested before the deadline, so this request is refused.</source>
        <translation>案件 {case} 的时限为 {at}：延期须在时限届满前申请，本次申请不予受理。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="321"/>
        <source>Case {case} was due {at}: a suspension must be requested before the deadline, so this request is refused.</source>
        <translation>案件 {case} 的时限为 {at}：挂账须在时限届满前申请，本次申请不予受理。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="325"/>
        <source>extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="325"/>
        <source>suspension</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="326"/>
        <source>Case {case} already has a {kind} request waiting for a supervisor.</source>
        <translation>案件 {case} 已有一项{kind}申请等待值班长审批。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="327"/>
        <source>Case {case} has no {kind} request waiting for a decision.</source>
        <translation>案件 {case} 没有待审批的{kind}申请。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="332"/>
        <source>Someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="335"/>
        <source>Case {case} was changed at another seat: {action} by {who} at {time} (now {status}). Nothing was changed here; the row has been reloaded, check it and try again.</source>
        <translation>案件 {case} 已在其他席位被修改：{who} 于 {time} {action}（当前：{status}）。此处未做任何更改；该行已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="338"/>
        <source>the system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="340"/>
        <source>Case {case} was changed at another seat (now {status}). Nothing was changed here; the row has been reloaded, check it and try again.</source>
        <translation>案件 {case} 已在其他席位被修改（当前：{status}）。此处未做任何更改；该行已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="343"/>
        <source>The database server cannot be reached ({reason}). Nothing was sent; the program reconnects by itself: try again when the banner has gone.</source>
        <translation>无法连接数据库服务器（{reason}）。未发送任何内容；程序会自动重新连接：横幅消失后请重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="346"/>
        <source>Too many wrong passwords: this account is locked until {time}. Try again then, or ask an administrator.</source>
        <translation>密码错误次数过多：该账号已锁定至 {time}。请届时再试，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="349"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="351"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="359"/>
        <source>This belongs to another command centre: you may not do this there ({action}).</source>
        <translation>这属于其他指挥中心，您无权在此操作（{action}）。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="362"/>
        <source>Your role ({role}) may not do this: {action}.</source>
        <translation>您的角色（{role}）无权执行此操作：{action}。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="366"/>
        <source>The location {lon:.6f}, {lat:.6f} is outside every unit grid of this city.</source>
        <translation>位置 {lon:.6f}, {lat:.6f} 不在本市任何单元网格内。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="370"/>
        <source>This handover has been acknowledged and can no longer be changed; add a correction note.</source>
        <translation>该交接班记录已确认，不能再修改；请添加更正说明。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="372"/>
        <source>Another seat or an import is still writing to the database after {seconds} s of waiting. Nothing was changed; try again in a moment.</source>
        <translation>等待 {seconds} 秒后，其他席位或导入仍在写入数据库。未做任何更改，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="375"/>
        <source>This database is read-only: {location}. It can be viewed, but nothing can be changed in it.</source>
        <translation>此数据库为只读：{location}。可以查看，但不能做任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="378"/>
        <source>The disk holding the database is full ({location}). Nothing was changed; free some space and try again.</source>
        <translation>数据库所在磁盘已满（{location}）。未做任何更改，请释放空间后重试。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="381"/>
        <source>The database file {path} was deleted or replaced while the program was running. Nothing was changed; restore the file and restart the program.</source>
        <translation>程序运行期间数据库文件 {path} 被删除或替换。未做任何更改，请恢复该文件并重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="384"/>
        <source>There is no database at {path}; create one with “commandcenter db upgrade” or name another with --db.</source>
        <translation>{path} 处没有数据库；请用“commandcenter db upgrade”创建，或用 --db 指定其他数据库。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="387"/>
        <source>cannot connect to {location}: {reason}</source>
        <translation>无法连接数据库 {location}：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="390"/>
        <source>{location} is not a demo database: only a demo database can be reset to its generated state, so nothing was changed.</source>
        <translation>{location} 不是演示数据库：只有演示数据库才能恢复到生成时的状态，因此未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="396"/>
        <source>{location} is not a demo database: a drill feeds only demo databases, so nothing was written to it.</source>
        <translation>{location} 不是演示数据库：演练只能写入演示数据库，未向其写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="399"/>
        <source>Unsupported database “{scheme}://…”: use a SQLite database file path (file:…?mode=ro to open it read-only) or a postgresql:// URL.</source>
        <translation>不支持的数据库“{scheme}://…”：请使用 SQLite 数据库文件路径（只读打开用 file:…?mode=ro）或 postgresql:// 地址。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="421"/>
        <source>Work order {number} is already case {case}: open that case instead of registering the order again.</source>
        <translation>工单 {number} 已登记为案件 {case}：请打开该案件，不要重复登记。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="431"/>
        <source>Not found: {kind} “{key}”.</source>
        <translation>未找到：{kind}“{key}”。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="439"/>
        <source>The connection to the database broke during this action ({reason}). It may or may not have been saved: the program reconnects by itself; check the case before trying again.</source>
        <translation>与数据库的连接在此操作中断开（{reason}）。操作可能已保存，也可能未保存：程序会自动重连；请先核对该案件再重试。</translation>
    </message>
</context>
<context>
    <name>gazetteer</name>
    <message>
        <location filename="../../commandcenter/gazetteer_labels.py" line="10"/>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gazetteer_labels.py" line="11"/>
        <source>house number</source>
        <translation>门牌</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gazetteer_labels.py" line="12"/>
        <source>landmark</source>
        <translation>地标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gazetteer_labels.py" line="13"/>
        <source>residential compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/gazetteer_labels.py" line="14"/>
        <source>village</source>
        <translation>村庄</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="205"/>
        <source>{stage} time limit, round {round}</source>
        <translation>{stage}时限，第 {round} 轮</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="208"/>
        <source>acknowledged by {name}</source>
        <translation>{name} 已确认</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="40"/>
        <source>line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="41"/>
        <source>record {n}</source>
        <translation>第 {n} 条记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="46"/>
        <source>feature {code}</source>
        <translation>要素 {code}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="47"/>
        <location filename="../../commandcenter/services/imports/roads.py" line="31"/>
        <source>feature #{n}</source>
        <translation>要素 #{n}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="42"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="94"/>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="101"/>
        <source>the file starts as {encoding} but is not valid {encoding} (byte {offset})</source>
        <translation>文件开头为 {encoding} 编码，但内容不是有效的 {encoding}（第 {offset} 字节）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="104"/>
        <source>this is not a text file</source>
        <translation>这不是文本文件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="114"/>
        <source>the text is neither UTF-8 nor GBK; save it as CSV UTF-8</source>
        <translation>文本既不是 UTF-8 也不是 GBK 编码；请另存为“CSV UTF-8”格式</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="141"/>
        <source>the header lacks the column(s) {columns}; expected {expected}</source>
        <translation>表头缺少列 {columns}；应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="145"/>
        <source>the header names {columns} twice</source>
        <translation>表头中 {columns} 重复出现</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="149"/>
        <source>{n} values but the header has {m} columns</source>
        <translation>有 {n} 个值，但表头有 {m} 列</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="157"/>
        <source>the file is empty: a header row and at least one row are needed</source>
        <translation>文件为空：需要一行表头和至少一行数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="160"/>
        <source>the file has a header but no rows</source>
        <translation>文件只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="172"/>
        <source>{field} is longer than {n} characters</source>
        <translation>{field} 超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="84"/>
        <location filename="../../commandcenter/services/imports/positions.py" line="135"/>
        <source>employee_no is empty</source>
        <translation>employee_no（工号）为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="85"/>
        <source>employee_no {value!r} may only hold letters, digits, - _ . (at most 20)</source>
        <translation>employee_no {value!r} 只能包含字母、数字和 - _ .（最多 20 个字符）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="86"/>
        <source>employee_no {value} is already on line {n}</source>
        <translation>employee_no {value} 已在第 {n} 行出现</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="56"/>
        <source>{field} {value!r} is not a number</source>
        <translation>{field} {value!r} 不是数字</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="68"/>
        <source>unknown coordinate system {value!r}; use wgs84 or gcj02</source>
        <translation>未知坐标系 {value!r}；请用 wgs84 或 gcj02</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="76"/>
        <source>the database has no grids yet: import the grids first</source>
        <translation>数据库中尚无网格：请先导入网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="85"/>
        <location filename="../../commandcenter/services/imports/people.py" line="115"/>
        <source>name is empty</source>
        <translation>name（名称）为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="89"/>
        <source>unknown kind {value!r}; use {kinds}</source>
        <translation>未知地名类型 {value!r}；请用 {kinds}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="98"/>
        <source>the point {lon}, {lat} is outside China, where GCJ-02 does not apply</source>
        <translation>点 {lon}, {lat} 在中国境外，不适用 GCJ-02</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="119"/>
        <source>the point {lon:.6f}, {lat:.6f} is outside the city (in no grid)</source>
        <translation>点 {lon:.6f}, {lat:.6f} 在本市范围外（不在任何网格内）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="127"/>
        <source>{name} ({kind}) in the same grid is already on line {n}</source>
        <translation>同一网格内的 {name}（{kind}）已在第 {n} 行</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="119"/>
        <source>phone {value!r} is not a phone number</source>
        <translation>phone {value!r} 不是有效的电话号码</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/gazetteer.py" line="95"/>
        <location filename="../../commandcenter/services/imports/people.py" line="87"/>
        <source>unknown grid code {code}</source>
        <translation>未知的网格编码 {code}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="165"/>
        <source>unknown duty status {value!r}; use on_duty, off_duty, on_leave or in_field</source>
        <translation>未知的在岗状态 {value!r}；请使用 on_duty、off_duty、on_leave 或 in_field</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="91"/>
        <source>code is empty</source>
        <translation>code（编码）为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="92"/>
        <source>code {value!r} may only hold letters, digits, - _ . (at most 20)</source>
        <translation>code {value!r} 只能包含字母、数字和 - _ .（最多 20 个字符）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="93"/>
        <source>code {value} is already on line {n}</source>
        <translation>code {value} 已在第 {n} 行出现</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/people.py" line="94"/>
        <source>unknown category code {code}</source>
        <translation>未知的类别编码 {code}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="186"/>
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/reading.py" line="189"/>
        <source>the JSON is nested too deeply to be read</source>
        <translation>JSON 嵌套层级过深，无法读取</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="77"/>
        <location filename="../../commandcenter/services/imports/grids.py" line="137"/>
        <location filename="../../commandcenter/services/imports/positions.py" line="65"/>
        <location filename="../../commandcenter/services/imports/roads.py" line="51"/>
        <source>{part} is not a JSON object</source>
        <translation>{part}不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="69"/>
        <source>the FeatureCollection has no list of features</source>
        <translation>FeatureCollection 中没有要素列表（features）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="80"/>
        <location filename="../../commandcenter/services/imports/positions.py" line="74"/>
        <location filename="../../commandcenter/services/imports/roads.py" line="51"/>
        <source>the feature</source>
        <translation>该要素</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="91"/>
        <source>expected a list of positions, {&quot;positions&quot;: [...]} or a GeoJSON FeatureCollection of points</source>
        <translation>应为位置列表、{&quot;positions&quot;: [...]} 或 GeoJSON 点要素集合（FeatureCollection）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="97"/>
        <source>the record</source>
        <translation>该记录</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="125"/>
        <source>the file holds no positions</source>
        <translation>文件中没有位置数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="137"/>
        <source>unknown employee_no {value}</source>
        <translation>未知的 employee_no {value}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="141"/>
        <source>the time (at) is empty</source>
        <translation>时间（at）为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="146"/>
        <source>time {value!r} is not ISO 8601 (2026-11-25T10:00:00+08:00) or epoch seconds</source>
        <translation>时间 {value!r} 既不是 ISO 8601 格式（2026-11-25T10:00:00+08:00），也不是 Unix 时间戳（秒）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="150"/>
        <source>time {value} is in the future</source>
        <translation>时间 {value} 晚于当前时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="76"/>
        <source>expected a JSON list of service requests</source>
        <translation>应为服务请求的 JSON 列表</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="78"/>
        <source>the file holds no service requests</source>
        <translation>文件中没有服务请求</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="90"/>
        <location filename="../../commandcenter/interchange/mapping.py" line="99"/>
        <source>a record must be a JSON object</source>
        <translation>每条记录必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="96"/>
        <source>service_request_id {value} appears twice</source>
        <translation>service_request_id {value} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="114"/>
        <source>service_request_id is missing</source>
        <translation>缺少 service_request_id</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="128"/>
        <source>unknown service_code {value}: add it to the service list first</source>
        <translation>未知的 service_code {value}：请先将其加入服务清单</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="132"/>
        <source>status {value} is neither open nor closed</source>
        <translation>状态 {value} 既不是 open 也不是 closed</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="140"/>
        <source>{field} must be text</source>
        <translation>{field} 必须是文本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="145"/>
        <source>description is empty</source>
        <translation>描述为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="155"/>
        <source>{field} {value} is not an ISO 8601 time with its offset</source>
        <translation>{field} {value} 不是带时区偏移的 ISO 8601 时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="162"/>
        <location filename="../../commandcenter/services/imports/positions.py" line="160"/>
        <source>{field} {value} is not a WGS84 coordinate</source>
        <translation>{field} {value} 不是 WGS84 坐标</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/files.py" line="169"/>
        <source>the location {lon}, {lat} is outside every unit grid</source>
        <translation>位置 {lon}, {lat} 不在任何单元网格内</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="161"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/positions.py" line="173"/>
        <source>{n} position(s) lie outside every unit grid (GCJ-02 or BD-09 coordinates instead of WGS84?)</source>
        <translation>{n} 个位置不在任何单元网格内（是否误用了 GCJ-02 或 BD-09 坐标而非 WGS84？）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="67"/>
        <location filename="../../commandcenter/services/imports/roads.py" line="42"/>
        <source>not a GeoJSON FeatureCollection</source>
        <translation>不是 GeoJSON 要素集合（FeatureCollection）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="70"/>
        <source>the coordinates are in {crs}; grids must be WGS84 longitude/latitude</source>
        <translation>坐标系为 {crs}；网格必须使用 WGS84 经纬度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="74"/>
        <location filename="../../commandcenter/services/imports/roads.py" line="45"/>
        <source>the FeatureCollection has no features</source>
        <translation>要素集合中没有任何要素</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="92"/>
        <source>no code property (a string of digits)</source>
        <translation>缺少 code 属性（数字字符串）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="94"/>
        <source>code {code} is not {lengths} digits (county 6 + street 3 + community 3 + grid)</source>
        <translation>编码 {code} 不是 {lengths} 位数字（区县 6 位 + 街道 3 位 + 社区 3 位 + 网格）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="98"/>
        <source>duplicate code: feature #{n} has the same code</source>
        <translation>编码重复：要素 #{n} 的编码与此相同</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="104"/>
        <source>no name property</source>
        <translation>缺少 name 属性</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="129"/>
        <source>the crs member is not a named coordinate system; grids must be WGS84 longitude/latitude</source>
        <translation>crs 成员不是具名坐标系；网格必须使用 WGS84 经纬度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="141"/>
        <source>geometry is {kind}, not a Polygon or MultiPolygon</source>
        <translation>几何类型为 {kind}，不是 Polygon 或 MultiPolygon</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="142"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="147"/>
        <source>unreadable coordinates: {reason}</source>
        <translation>坐标无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="150"/>
        <source>the geometry is empty</source>
        <translation>几何图形为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="154"/>
        <source>coordinates ({x:.0f}, {y:.0f}) are not WGS84 longitude/latitude (projected metres?)</source>
        <translation>坐标（{x:.0f}, {y:.0f}）不是 WGS84 经纬度（是否为以米为单位的投影坐标？）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="159"/>
        <source>invalid geometry: {reason}</source>
        <translation>几何图形无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="182"/>
        <source>overlaps grid {other} by {area} m²</source>
        <translation>与网格 {other} 重叠 {area} 平方米</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="185"/>
        <source>overlaps the stored grid {other} by {area} m²</source>
        <translation>与已有网格 {other} 重叠 {area} 平方米</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="196"/>
        <source>community {code}</source>
        <translation>社区 {code}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="202"/>
        <source>a gap of {area} m² between its grids near {lon:.5f}, {lat:.5f}</source>
        <translation>其网格之间在 {lon:.5f}, {lat:.5f} 附近有 {area} 平方米的缝隙</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="206"/>
        <source>its grids form {n} separate pieces (a gap runs through it)</source>
        <translation>其网格分成 {n} 块互不相连的区域（中间有缝隙）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="325"/>
        <source>{kind}_name {name} differs from {other} given for {code} by another feature</source>
        <translation>{kind}_name {name} 与另一要素为 {code} 给出的 {other} 不一致</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/grids.py" line="347"/>
        <source>{kind}_name {new} would rename {kind} {code}, now {old}; areas are renamed only when asked for (import grids --rename-areas)</source>
        <translation>{kind}_name {new} 会把 {kind} {code}（现名 {old}）改名；只有明确要求时才改名（import grids --rename-areas）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="89"/>
        <source>expected a non-empty JSON list of services</source>
        <translation>应为非空的服务 JSON 列表</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="104"/>
        <source>service_code is missing</source>
        <translation>缺少 service_code</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="108"/>
        <source>service_name is missing</source>
        <translation>缺少 service_name</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="110"/>
        <source>description must be text</source>
        <translation>描述必须是文本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="112"/>
        <source>category_code {value} is not a minor category</source>
        <translation>category_code {value} 不是小类</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="115"/>
        <source>category {value} is mapped twice</source>
        <translation>类别 {value} 被映射了两次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/interchange/mapping.py" line="117"/>
        <source>service_code {value} appears twice</source>
        <translation>service_code {value} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/roads.py" line="61"/>
        <source>the geometry is not a LineString or MultiLineString</source>
        <translation>几何不是 LineString 或 MultiLineString</translation>
    </message>
    <message>
        <location filename="../../commandcenter/services/imports/roads.py" line="65"/>
        <source>coordinates outside longitude/latitude: roads must be WGS84</source>
        <translation>坐标超出经纬度范围：道路必须为 WGS84</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <location filename="../../commandcenter/map_labels.py" line="15"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/map_labels.py" line="16"/>
        <source>Overdue cases</source>
        <translation>超时案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/map_labels.py" line="17"/>
        <source>New today</source>
        <translation>今日新增</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="183"/>
        <source>{file}: a world file holds six numbers</source>
        <translation>{file}：坐标文件应包含六个数值</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="184"/>
        <source>{file}: only north-up images without rotation can be shown</source>
        <translation>{file}：只能显示上北下南且无旋转的图片</translation>
    </message>
</context>
<context>
    <name>permission</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="19"/>
        <source>View cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="20"/>
        <source>Record reminders and supervision</source>
        <translation>记录催办和督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="21"/>
        <source>Manage demo data</source>
        <translation>管理演示数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="22"/>
        <source>Run drills</source>
        <translation>运行演练</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="23"/>
        <source>Manage users and roles</source>
        <translation>管理用户和角色</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="24"/>
        <source>Manage centres</source>
        <translation>管理指挥中心</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="25"/>
        <source>Manage categories</source>
        <translation>管理案件类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="26"/>
        <source>Manage time limits</source>
        <translation>管理时限</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="27"/>
        <source>Manage the holiday calendar</source>
        <translation>管理节假日日历</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="28"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="29"/>
        <source>Attach photos to cases</source>
        <translation>为案件添加照片</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="30"/>
        <source>Act on early warnings</source>
        <translation>处置预警</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="13"/>
        <source>At intake</source>
        <translation>受理时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="14"/>
        <source>With the feedback</source>
        <translation>反馈时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="15"/>
        <source>At verification</source>
        <translation>核查时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="19"/>
        <source>{file} is empty. Nothing was attached.</source>
        <translation>{file} 是空文件，未添加任何照片。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="20"/>
        <source>{file} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF). Nothing was attached.</source>
        <translation>{file} 不是图片（JPEG、PNG、GIF、WebP、BMP 或 TIFF），未添加任何照片。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="21"/>
        <source>{file} is {size} MB; a photo may be at most {limit} MB. Nothing was attached.</source>
        <translation>{file} 大小为 {size} MB，照片最大 {limit} MB，未添加任何照片。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/photo_labels.py" line="22"/>
        <source>{file} is {size} pixels wide or high; a photo may be at most {limit}. Nothing was attached.</source>
        <translation>{file} 宽或高为 {size} 像素，照片最多 {limit} 像素，未添加任何照片。</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <location filename="../../commandcenter/position_labels.py" line="10"/>
        <source>near {grid} ({metres} m)</source>
        <translation>{grid}附近（{metres} 米）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/position_labels.py" line="11"/>
        <source>{grid}, {community}, {street}</source>
        <translation>{street}{community}{grid}</translation>
    </message>
</context>
<context>
    <name>priority</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="78"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="79"/>
        <source>High</source>
        <translation>较急</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="80"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="81"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>referral</name>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="14"/>
        <source>Referred up</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="15"/>
        <source>Sent down</source>
        <translation>下派</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="16"/>
        <source>Transferred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="19"/>
        <source>Beyond our powers</source>
        <translation>超出职权</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="20"/>
        <source>Needs a city department</source>
        <translation>需市级部门处置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="21"/>
        <source>Crosses districts</source>
        <translation>跨区域</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="22"/>
        <source>Assigned with instructions</source>
        <translation>交办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="23"/>
        <source>Not in our area</source>
        <translation>非本辖区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="24"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="27"/>
        <source>waiting for acceptance</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="28"/>
        <source>accepted for handling</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="29"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="30"/>
        <source>fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="34"/>
        <source>{kind} from {centre}: {reason} ({state})</source>
        <translation>{centre}{kind}：{reason}（{state}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="35"/>
        <source>{kind} to {centre}: {reason} ({state})</source>
        <translation>{kind}至{centre}：{reason}（{state}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="36"/>
        <source>Case {case} was referred to {centre}, which holds it until it feeds back; nothing was changed here.</source>
        <translation>案件 {case} 已流转至{centre}，反馈前由其办理；此处未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../commandcenter/referral_labels.py" line="38"/>
        <source>Case {case}: the supporting units {units} have not fed back their parts yet; record their parts before the lead unit&apos;s feedback.</source>
        <translation>案件 {case}：协办单位 {units} 尚未反馈；请先录入协办单位的反馈，再由主办单位反馈。</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="101"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="102"/>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="103"/>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="104"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="105"/>
        <source>Drill feed</source>
        <translation>演练推送</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="106"/>
        <source>Importer</source>
        <translation>数据导入</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="107"/>
        <source>Open311 endpoint</source>
        <translation>Open311 接口</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="108"/>
        <source>Escalation clock</source>
        <translation>催督办计时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="109"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="70"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="71"/>
        <source>{age} ago</source>
        <translation>{age}前</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="220"/>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="222"/>
        <source>Mon–Fri</source>
        <translation>周一至周五</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="224"/>
        <source>weekends</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="230"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="230"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="231"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="231"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="232"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="232"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/roster.py" line="233"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>scenario</name>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="142"/>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="153"/>
        <source>not UTF-8 text (byte {at})</source>
        <translation>不是 UTF-8 文本（第 {at} 字节）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="159"/>
        <location filename="../../commandcenter/simulator/scenario.py" line="162"/>
        <source>not valid YAML: {problem}</source>
        <translation>不是有效的 YAML：{problem}</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="197"/>
        <source>{what} must be a mapping of names to values</source>
        <translation>{what}必须是“名称: 值”的映射</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="203"/>
        <source>&apos;{name}&apos; is given twice</source>
        <translation>“{name}”重复出现</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="205"/>
        <source>unknown field &apos;{name}&apos; in {what} (known: {known})</source>
        <translation>{what}中有未知字段“{name}”（可用字段：{known}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="213"/>
        <source>&apos;{what}&apos; must be a list</source>
        <translation>“{what}”必须是列表</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="227"/>
        <location filename="../../commandcenter/simulator/scenario.py" line="256"/>
        <location filename="../../commandcenter/simulator/scenario.py" line="403"/>
        <location filename="../../commandcenter/simulator/scenario.py" line="435"/>
        <source>&apos;{name}&apos; is missing</source>
        <translation>缺少“{name}”</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="231"/>
        <source>&apos;{name}&apos; must be text</source>
        <translation>“{name}”必须是文本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="234"/>
        <source>&apos;{name}&apos; reads as the number {value}: write codes in quotes</source>
        <translation>“{name}”被读成了数字 {value}：编码请加引号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="239"/>
        <source>&apos;{name}&apos; is empty</source>
        <translation>“{name}”为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="241"/>
        <source>&apos;{name}&apos; is longer than {limit} characters</source>
        <translation>“{name}”超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="247"/>
        <source>&apos;{name}&apos; must be a number from {low:g} to {high:g}</source>
        <translation>“{name}”必须是 {low:g} 到 {high:g} 之间的数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="266"/>
        <source>&apos;{name}&apos; must be seconds from the start or &quot;+H:MM:SS&quot;, at most a week (got {value})</source>
        <translation>“{name}”必须是距开始的秒数或 &quot;+时:分:秒&quot;，最长一周（收到 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="277"/>
        <source>&apos;{name}&apos; must be one of {options} (got {value})</source>
        <translation>“{name}”必须是 {options} 之一（收到 {value}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="288"/>
        <source>&apos;{name}&apos; must be true or false</source>
        <translation>“{name}”必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="295"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="297"/>
        <source>the scenario</source>
        <translation>演练脚本</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="308"/>
        <source>&apos;seed&apos; must be a whole number</source>
        <translation>“seed”必须是整数</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="315"/>
        <source>a scenario needs &apos;cases&apos; or &apos;background&apos; load</source>
        <translation>演练脚本需要“cases”或“background”随机案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="319"/>
        <source>case id &apos;{key}&apos; is used twice (first on line {first})</source>
        <translation>案件标识“{key}”重复使用（首次在第 {first} 行）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="327"/>
        <source>no case has the id &apos;{key}&apos;</source>
        <translation>没有标识为“{key}”的案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="329"/>
        <source>the event comes before case &apos;{key}&apos; is reported</source>
        <translation>该事件早于案件“{key}”的上报时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="346"/>
        <source>&apos;place&apos; must be a place name or a list of names</source>
        <translation>“place”必须是一个地名或地名列表</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="356"/>
        <source>&apos;lonlat&apos; must be [longitude, latitude] in degrees</source>
        <translation>“lonlat”必须是以度为单位的 [经度, 纬度]</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="364"/>
        <source>say where: &apos;place&apos;, &apos;lonlat&apos; or &apos;grid&apos;</source>
        <translation>请指定地点：“place”（地名）、“lonlat”（经纬度）或“grid”（网格）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="369"/>
        <source>a case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="394"/>
        <source>an event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="427"/>
        <source>a background window</source>
        <translation>随机案件时段</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario.py" line="439"/>
        <source>&apos;to&apos; must come after &apos;from&apos;</source>
        <translation>“to”必须晚于“from”</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="98"/>
        <source>unknown category &apos;{name}&apos; (a minor category&apos;s code or Chinese name)</source>
        <translation>未知的案件类别“{name}”（应为小类编码或中文名称）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="114"/>
        <source>the point {lon}, {lat} lies in none of the drill&apos;s grids</source>
        <translation>坐标 {lon}, {lat} 不在演练范围内的任何网格中</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="121"/>
        <source>no grid has the code &apos;{code}&apos; in the drill&apos;s area</source>
        <translation>演练范围内没有编码为“{code}”的网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="133"/>
        <source>no place called {names} in this database&apos;s gazetteer</source>
        <translation>本数据库的地名库中没有名为 {names} 的地点</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="137"/>
        <source>{names} is not in this database&apos;s gazetteer: placed in grid {code} ({community}) instead</source>
        <translation>{names} 不在本数据库的地名库中：改放在网格 {code}（{community}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/simulator/scenario_city.py" line="160"/>
        <source>no officer called &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的网格员</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <location filename="../../commandcenter/views/wall_view.py" line="591"/>
        <source>Case wall</source>
        <translation>案件墙</translation>
    </message>
    <message>
        <location filename="../../commandcenter/views/follow_ups.py" line="150"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>source</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="84"/>
        <source>Patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="85"/>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="86"/>
        <source>Duty line</source>
        <translation>24小时值班电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="87"/>
        <source>Citizen app</source>
        <translation>市民APP</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="88"/>
        <source>Video</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="89"/>
        <source>Sensor</source>
        <translation>物联感知</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="90"/>
        <source>Referral</source>
        <translation>上级转办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="91"/>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="92"/>
        <source>Mayor&apos;s mailbox</source>
        <translation>市长信箱</translation>
    </message>
</context>
<context>
    <name>stage</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="187"/>
        <source>registration</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="188"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="189"/>
        <source>handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="190"/>
        <source>verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="191"/>
        <source>acceptance</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="192"/>
        <source>field check</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="193"/>
        <source>referral acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="194"/>
        <source>feedback to the referring centre</source>
        <translation>向转出中心反馈</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../commandcenter/app.py" line="101"/>
        <source>Creating the demo city (first start)…</source>
        <translation>正在创建演示城市（首次启动）…</translation>
    </message>
    <message>
        <location filename="../../commandcenter/app.py" line="180"/>
        <source>Grid Command Centre</source>
        <translation>网格化指挥中心</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="65"/>
        <source>Reported</source>
        <translation>待立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="66"/>
        <source>Registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="67"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="68"/>
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="69"/>
        <source>Fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="70"/>
        <source>Field check</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="71"/>
        <source>Suspended</source>
        <translation>已挂账</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="72"/>
        <source>Referred</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="73"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="74"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="75"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>time_unit</name>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="43"/>
        <source>Natural time</source>
        <translation>自然时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/admin_labels.py" line="44"/>
        <source>Working time</source>
        <translation>工作时间</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../commandcenter/labels.py" line="166"/>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="167"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="168"/>
        <source>reporter name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="169"/>
        <source>reporter phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="170"/>
        <source>work order number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="171"/>
        <source>answer given on the call</source>
        <translation>直接答复内容</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="172"/>
        <source>reply to the hotline</source>
        <translation>回复热线内容</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="173"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="174"/>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="175"/>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="176"/>
        <source>evidence reference</source>
        <translation>证据编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="177"/>
        <source>feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="178"/>
        <source>notes</source>
        <translation>交班说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="179"/>
        <source>correction</source>
        <translation>更正说明</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="180"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="404"/>
        <source>{field} is longer than {limit} characters ({length} given)</source>
        <translation>{field}超过 {limit} 个字符（已输入 {length} 个）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/labels.py" line="409"/>
        <source>{field} contains a NUL character, which cannot be stored; remove it and try again</source>
        <translation>{field}含有空字符（NUL），无法保存；请删除后重试</translation>
    </message>
</context>
<context>
    <name>wall</name>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="87"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="88"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="89"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="91"/>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="92"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="93"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="94"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="95"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="96"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="97"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="98"/>
        <source>Assignee</source>
        <translation>承办方</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall_rules.py" line="60"/>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall_rules.py" line="61"/>
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall_rules.py" line="140"/>
        <source>{d}d {h:02d}h</source>
        <translation>{d}天{h:02d}时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/itemmodels/wall.py" line="440"/>
        <source>paused</source>
        <translation>暂停计时</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="15"/>
        <source>Recurrence</source>
        <translation>重复发生</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="16"/>
        <source>Repeat caller</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="17"/>
        <source>Repeated dispute</source>
        <translation>反复纠纷</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="18"/>
        <source>Rising trend</source>
        <translation>上升趋势</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="19"/>
        <source>Cluster</source>
        <translation>聚集</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="20"/>
        <source>Chronic lateness</source>
        <translation>持续超时</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="23"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="24"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="25"/>
        <source>Acted on</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="26"/>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="43"/>
        <source>{count} cases in {days} days within {radius} m</source>
        <translation>{days}天内{radius}米范围内{count}件案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="46"/>
        <source>{count} reports in {days} days</source>
        <translation>{days}天内反映{count}次</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="48"/>
        <source>{observed} in the last {hours} h against {expected} usual (p = {p})</source>
        <translation>近{hours}小时{observed}件，常态{expected}件（p = {p}）</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="51"/>
        <source>{count} cases over {grids} grids in {hours} h</source>
        <translation>{hours}小时内{grids}个网格共{count}件案件</translation>
    </message>
    <message>
        <location filename="../../commandcenter/warning_labels.py" line="53"/>
        <source>{on_time} of {due} on time over {days} days</source>
        <translation>{days}天内应结{due}件，按期{on_time}件</translation>
    </message>
</context>
</TS>
