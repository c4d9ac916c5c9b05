<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Township Credit Desk</source>
        <translation>乡镇信用工作台</translation>
    </message>
    <message>
        <source>Protective triggers are missing: {names}</source>
        <translation>缺少保护触发器：{names}</translation>
    </message>
    <message>
        <source>The logs of this register were changed outside the program; the audit trail can no longer be trusted. Tell the administrator and the county.</source>
        <translation>此登记册的日志在程序之外被修改过，审计记录已不可信。请报告管理员和县里。</translation>
    </message>
    <message>
        <source>AUDIT CHAINS BROKEN</source>
        <translation>审计链已断裂</translation>
    </message>
    <message>
        <source>Audit chains broken</source>
        <translation>审计链已断裂</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记册</translation>
    </message>
    <message>
        <source>Villages and groups</source>
        <translation>村和村民小组</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用评定</translation>
    </message>
    <message>
        <source>Commitment letters</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Credit information and reports</source>
        <translation>信用信息与报告</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A checked, encrypted copy of the register is made when the program closes and once a day while it is open, in {folder}.</source>
        <translation>程序关闭时和运行期间每天一次，自动把登记册做一份经过检查的加密副本，存放在 {folder}。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户数</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复……</translation>
    </message>
    <message>
        <source>none: choose a USB stick&apos;s folder</source>
        <translation>无：请选择U盘上的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不复制</translation>
    </message>
    <message>
        <source>Second copy to</source>
        <translation>第二份复制到</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留份数</translation>
    </message>
    <message>
        <source>Only a user allowed to make and restore backups can change these.</source>
        <translation>只有有权备份和恢复的用户才能更改这些设置。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>正在备份并检查副本……</translation>
    </message>
    <message>
        <source>Backup written and checked: {file} ({size}).</source>
        <translation>备份已写入并检查：{file}（{size}）。</translation>
    </message>
    <message>
        <source>Second copy: {path}.</source>
        <translation>第二份：{path}。</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一份备份。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份……</translation>
    </message>
    <message>
        <source>Restore the backup made {when}?

It holds: {held}.</source>
        <translation>恢复 {when} 的备份吗？

其中有：{held}。</translation>
    </message>
    <message>
        <source>Its last change: {when}.</source>
        <translation>其最后一次变更：{when}。</translation>
    </message>
    <message>
        <source>Work done since then would be lost: {lost}.</source>
        <translation>此后做的工作将会丢失：{lost}。</translation>
    </message>
    <message>
        <source>Changes made since then would be lost.</source>
        <translation>此后所做的变更将会丢失。</translation>
    </message>
    <message>
        <source>The current register is kept in the backups folder, and everyone signs in again.</source>
        <translation>当前登记册会保留在备份文件夹中，所有人需要重新登录。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Folder for the second copy</source>
        <translation>第二份备份的文件夹</translation>
    </message>
    <message>
        <source>Each backup is also copied to {folder} when it is plugged in.</source>
        <translation>插入时，每份备份也会复制到 {folder}。</translation>
    </message>
    <message>
        <source>No second copy.</source>
        <translation>不复制第二份。</translation>
    </message>
    <message>
        <source>Kept from now on: the last {daily} daily and {weekly} weekly backups.</source>
        <translation>今后保留：最近 {daily} 份每日备份和 {weekly} 份每周备份。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Commitment letter</source>
        <translation>信用承诺书</translation>
    </message>
    <message>
        <source>Credit report</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Open its subject</source>
        <translation>打开所属主体</translation>
    </message>
    <message>
        <source>Open in PDF reader</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved data is safe. Please send the details below to the township IT contact.</source>
        <translation>程序内部出错。已保存的数据是安全的。请把下面的详细信息发给乡镇信息化联系人。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出了问题，没有做任何修改。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出了问题。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Born {date}, {sex}</source>
        <translation>出生日期 {date}，{sex}</translation>
    </message>
    <message>
        <source>already registered: {who}</source>
        <translation>已登记：{who}</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Household of {name}</source>
        <translation>{name}户</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Labour force</source>
        <translation>劳动力</translation>
    </message>
    <message>
        <source>Contracted land (mu)</source>
        <translation>承包地面积（亩）</translation>
    </message>
    <message>
        <source>Main industry</source>
        <translation>主营产业</translation>
    </message>
    <message>
        <source>Annual income (yuan)</source>
        <translation>家庭年收入（元）</translation>
    </message>
    <message>
        <source>Assets (yuan)</source>
        <translation>家庭资产（元）</translation>
    </message>
    <message>
        <source>Loan balance (yuan)</source>
        <translation>贷款余额（元）</translation>
    </message>
    <message>
        <source>Overdue amount (yuan)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>No members recorded.</source>
        <translation>未登记家庭成员。</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>18 digits (or 15 for old cards)</source>
        <translation>18 位（老证件 15 位）</translation>
    </message>
    <message>
        <source>(from the ID number)</source>
        <translation>（由身份证号确定）</translation>
    </message>
    <message>
        <source>from the ID number</source>
        <translation>由身份证号自动得出</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>IdentityBanner</name>
    <message>
        <source>Record a measure applied…</source>
        <translation>登记措施实施…</translation>
    </message>
    <message>
        <source>Recorded: {measure} ({matter}); it goes to the county with the next batch.</source>
        <translation>已登记：{measure}（{matter}）；将随下一批次上报县平台。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Never synchronised</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Township Credit Desk</source>
        <translation>乡镇信用工作台</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <source>Register: {path}</source>
        <translation>登记册：{path}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Finishing the work in progress…</source>
        <translation>正在完成进行中的工作…</translation>
    </message>
    <message>
        <source>Backing up the register before closing…</source>
        <translation>关闭前正在备份登记册……</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份……</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>New organization</source>
        <translation>新增经营主体</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Legal representative ID number</source>
        <translation>法定代表人身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Registered capital (yuan)</source>
        <translation>注册资本（元）</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Reason for accepting the code</source>
        <translation>接受该代码的理由</translation>
    </message>
    <message>
        <source>only if the licence really shows a code that fails the check</source>
        <translation>仅当营业执照上的代码确实无法通过校验时填写</translation>
    </message>
</context>
<context>
    <name>PlaceTree</name>
    <message>
        <source>Add a village…</source>
        <translation>添加村…</translation>
    </message>
    <message>
        <source>Add groups…</source>
        <translation>添加村民小组…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>并入…</translation>
    </message>
    <message>
        <source>Move group to…</source>
        <translation>小组划归…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Manage villages and groups…</source>
        <translation>管理村和村民小组…</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部地区</translation>
    </message>
</context>
<context>
    <name>PlacesPage</name>
    <message>
        <source>Villages and groups of {township}</source>
        <translation>{township}的村和村民小组</translation>
    </message>
    <message>
        <source>Next: import the first roster…</source>
        <translation>下一步：导入第一份名单…</translation>
    </message>
    <message>
        <source>Add a village…</source>
        <translation>添加村…</translation>
    </message>
    <message>
        <source>Add groups…</source>
        <translation>添加村民小组…</translation>
    </message>
    <message>
        <source>Import the village list…</source>
        <translation>导入区划表…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>并入…</translation>
    </message>
    <message>
        <source>Move group to…</source>
        <translation>小组划归…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>区划</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>经营主体</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>First day, step 2 of 3: add your villages and their groups. Type them one by one (Add a village), or import the list the county gave you (Import the village list).</source>
        <translation>第一天，第 2 步（共 3 步）：添加本乡镇的村和村民小组。可以逐个录入（“添加村”），也可以导入县里下发的区划表（“导入区划表”）。</translation>
    </message>
    <message>
        <source>First day, step 3 of 3: {n} villages are in the register. Now import your first roster: the village and group are taken from its columns, title rows, sheet names or file name.</source>
        <translation>第一天，第 3 步（共 3 步）：台账中已有 {n} 个村。现在导入第一份农户名单：所属村和小组会从名单的列、标题行、工作表名或文件名中识别。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>Add groups</source>
        <translation>添加村民小组</translation>
    </message>
    <message>
        <source>Group names, separated by commas (e.g. 四组,五组):</source>
        <translation>小组名称，用逗号分隔（例如 四组,五组）：</translation>
    </message>
    <message>
        <source>Saved: groups added.</source>
        <translation>已保存：小组已添加。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Saved: {old} is now {new}.</source>
        <translation>已保存：{old}已改名为{new}。</translation>
    </message>
    <message>
        <source>There is no other place to choose.</source>
        <translation>没有其他可选的区划。</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>并入</translation>
    </message>
    <message>
        <source>Merge {name} into:</source>
        <translation>把{name}并入：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge {source} into {target}? Its households move to {target} and {source} is retired. This cannot be undone here.</source>
        <translation>把{source}并入{target}？其农户将迁入{target}，{source}将停用。此操作在这里无法撤销。</translation>
    </message>
    <message>
        <source>Saved: {source} merged into {target}.</source>
        <translation>已保存：{source}已并入{target}。</translation>
    </message>
    <message>
        <source>Move group</source>
        <translation>小组划归</translation>
    </message>
    <message>
        <source>Move {name} to:</source>
        <translation>把{name}划归：</translation>
    </message>
    <message>
        <source>Saved: {name} moved with its households.</source>
        <translation>已保存：{name}已连同农户划归。</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Retire {name}? It is no longer offered in forms and imports, and stays in the history.</source>
        <translation>停用{name}？停用后录入和导入中不再提供，历史记录中仍保留。</translation>
    </message>
    <message>
        <source>Saved: {name} is retired.</source>
        <translation>已保存：{name}已停用。</translation>
    </message>
    <message>
        <source>Import the village list</source>
        <translation>导入区划表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}: {message}</source>
        <translation>工作表 {sheet} 第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Nothing was imported: correct these rows and import again.</source>
        <translation>未导入任何内容：请改正这些行后重新导入。</translation>
    </message>
    <message>
        <source>Saved: {v} villages and {g} groups added.</source>
        <translation>已保存：添加 {v} 个村、{g} 个村民小组。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>新型农业经营主体</translation>
    </message>
    <message>
        <source>Add villages and groups…</source>
        <translation>添加村和村民小组…</translation>
    </message>
    <message>
        <source>Import a roster…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>The register has no villages yet. First add the township&apos;s villages and groups, then import a roster or enter households.</source>
        <translation>台账中还没有村。请先添加本乡镇的村和村民小组，再导入名单或录入农户。</translation>
    </message>
    <message>
        <source>No households yet. Import a roster from Excel, or enter a household with New….</source>
        <translation>还没有农户。请从 Excel 导入名单，或用“新建…”录入农户。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Township official</source>
        <translation>乡镇干部</translation>
    </message>
    <message>
        <source>Field staff</source>
        <translation>驻村干部/信贷员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>只读查看</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Printed documents</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Printed on every letter, credit report and notice list.</source>
        <translation>印在每份承诺书、信用报告和公示名单上。</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Register file</source>
        <translation>登记册文件</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <source>Show numbers</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Record a measure applied…</source>
        <translation>登记措施实施…</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>信用评定</translation>
    </message>
    <message>
        <source>Not rated yet.</source>
        <translation>尚未评定。</translation>
    </message>
    <message>
        <source>{year}: grade {grade}, {score} points, {status}</source>
        <translation>{year}年：{grade}，{score} 分，{status}</translation>
    </message>
    <message>
        <source>Commitment letters</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>(repair of: {title}, applied {day})</source>
        <translation>（用于修复：{title}，{day}申请）</translation>
    </message>
    <message>
        <source>Joint reward and punishment measures applied</source>
        <translation>联合奖惩措施实施情况</translation>
    </message>
    <message>
        <source>{day}: {measure} — {matter} ({who})</source>
        <translation>{day}：{measure} — {matter}（{who}）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>You typed changes that are not saved. Close and lose them?</source>
        <translation>输入的修改还未保存。关闭并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Delete the household of {name} and its members from the register? The deletion is recorded in the journal.</source>
        <translation>从登记册中删除{name}户及其家庭成员吗？删除操作会记入变更日志。</translation>
    </message>
    <message>
        <source>Delete {name} from the register? The deletion is recorded in the journal.</source>
        <translation>从登记册中删除{name}吗？删除操作会记入变更日志。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SubjectListPage</name>
    <message>
        <source>Search: name, pinyin or initials, ID number or its last 4 digits, phone</source>
        <translation>搜索：姓名、拼音或首字母、身份证号或后4位、电话</translation>
    </message>
    <message>
        <source>Search: name, pinyin or initials, credit code, phone</source>
        <translation>搜索：名称、拼音或首字母、信用代码、电话</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show ID numbers and phones in full (logged)</source>
        <translation>完整显示身份证号和电话（会记录查询使用）</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No letter or report has the number {code}.</source>
        <translation>没有编号为 {code} 的承诺书或报告。</translation>
    </message>
    <message>
        <source>Credit report verification</source>
        <translation>信用报告核验</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 条</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>共 {n} 户</translation>
    </message>
    <message>
        <source>{n} organizations</source>
        <translation>共 {n} 个经营主体</translation>
    </message>
    <message>
        <source>{shown} — only {place}</source>
        <translation>{shown} — 仅显示{place}</translation>
    </message>
    <message>
        <source>Loading… {shown}</source>
        <translation>正在加载… {shown}</translation>
    </message>
</context>
<context>
    <name>VillageBars</name>
    <message>
        <source>Credit-household share by village</source>
        <translation>各村信用户占比</translation>
    </message>
    <message>
        <source>credit village threshold {share}</source>
        <translation>信用村标准 {share}</translation>
    </message>
</context>
<context>
    <name>VillageDialog</name>
    <message>
        <source>Add a village</source>
        <translation>添加村</translation>
    </message>
    <message>
        <source>e.g. 新华村</source>
        <translation>例如 新华村</translation>
    </message>
    <message>
        <source>12 digits, e.g. {code}201</source>
        <translation>12 位数字，例如 {code}201</translation>
    </message>
    <message>
        <source>e.g. 一组,二组,三组 (optional)</source>
        <translation>例如 一组,二组,三组（可不填）</translation>
    </message>
    <message>
        <source>Village name</source>
        <translation>村名</translation>
    </message>
    <message>
        <source>Statistical code</source>
        <translation>统计用区划代码</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>村民小组</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>Township Credit Desk</source>
        <translation>乡镇信用工作台</translation>
    </message>
    <message>
        <source>Welcome to Township Credit Desk</source>
        <translation>欢迎使用乡镇信用工作台</translation>
    </message>
    <message>
        <source>There is no register in {path} yet. Set up your township in three steps: the township here, then its villages and groups (typed or imported from the county&apos;s list), then your first roster. Or open the demo township to look around.</source>
        <translation>{path} 中还没有登记册。三步建好本乡镇的登记册：先在这里填写乡镇，再添加村和村民小组（逐个录入或导入县里下发的区划表），最后导入第一份名单。也可以先打开演示乡镇看一看。</translation>
    </message>
    <message>
        <source>Step 1 of 3: my township</source>
        <translation>第 1 步（共 3 步）：本乡镇</translation>
    </message>
    <message>
        <source>9 digits, e.g. 510623105</source>
        <translation>9 位数字，例如 510623105</translation>
    </message>
    <message>
        <source>e.g. 石泉镇</source>
        <translation>例如 石泉镇</translation>
    </message>
    <message>
        <source>optional, e.g. 中江县</source>
        <translation>可不填，例如 中江县</translation>
    </message>
    <message>
        <source>Township division code</source>
        <translation>乡镇区划代码</translation>
    </message>
    <message>
        <source>Township name</source>
        <translation>乡镇名称</translation>
    </message>
    <message>
        <source>County name</source>
        <translation>县名称</translation>
    </message>
    <message>
        <source>e.g. zhangsan</source>
        <translation>例如 zhangsan</translation>
    </message>
    <message>
        <source>Administrator&apos;s user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Administrator&apos;s full name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create the register</source>
        <translation>新建登记册</translation>
    </message>
    <message>
        <source>Look around first</source>
        <translation>先看一看</translation>
    </message>
    <message>
        <source>Open the demo township</source>
        <translation>打开演示乡镇</translation>
    </message>
    <message>
        <source>The demo is a made-up township of {n} households, kept apart from your own register (in the demo folder).</source>
        <translation>演示乡镇是虚构的，有 {n} 户农户，与您自己的登记册分开存放（在 demo 文件夹中）。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
