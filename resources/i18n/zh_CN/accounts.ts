<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account {user} is disabled. Ask an administrator.</source>
        <translation>账号 {user} 已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The account {user} is locked after too many wrong passwords until {time}. Try again then, or ask an administrator to reset the password.</source>
        <translation>账号 {user} 因密码错误次数过多已锁定，{time} 后解除。届时再试，或请管理员重置密码。</translation>
    </message>
    <message>
        <source>Wrong password. The account {user} is now locked for {minutes} minutes.</source>
        <translation>密码错误。账号 {user} 已锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Wrong user name or password ({left} tries left before the account is locked).</source>
        <translation>用户名或密码错误（再错 {left} 次账号将被锁定）。</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>没有这个用户。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A user name is 1 to 40 characters without spaces, e.g. zhangsan.</source>
        <translation>用户名为 1 到 40 个字符，不含空格，例如 zhangsan。</translation>
    </message>
    <message>
        <source>Unknown role {role}; choose one of {roles}.</source>
        <translation>没有角色 {role}，请从 {roles} 中选择。</translation>
    </message>
    <message>
        <source>No village {village} in the register.</source>
        <translation>登记册中没有村 {village}。</translation>
    </message>
    <message>
        <source>The user name {user} is taken; choose another.</source>
        <translation>用户名 {user} 已被使用，请换一个。</translation>
    </message>
    <message>
        <source>This register already has an administrator; ask them to add your account.</source>
        <translation>此登记册已有管理员，请管理员为您添加账号。</translation>
    </message>
    <message>
        <source>No user named {user}.</source>
        <translation>没有名为 {user} 的用户。</translation>
    </message>
    <message>
        <source>{user} is the last administrator; make another user an administrator first.</source>
        <translation>{user} 是最后一个管理员；请先把另一位用户设为管理员。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a new password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>sign in as this user (or CREDIT_DESK_USER); the password is asked, read with --password-stdin, or taken from CREDIT_DESK_PASSWORD</source>
        <translation>以此用户登录（或环境变量 CREDIT_DESK_USER）；密码会提示输入，或用 --password-stdin 读取，或取自 CREDIT_DESK_PASSWORD</translation>
    </message>
    <message>
        <source>read the password from the first line of standard input</source>
        <translation>从标准输入的第一行读取密码</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>No password: type it when asked, or give it with --password-stdin or CREDIT_DESK_PASSWORD.</source>
        <translation>没有密码：请在提示时输入，或用 --password-stdin 或 CREDIT_DESK_PASSWORD 提供。</translation>
    </message>
    <message>
        <source>This register has no administrator who can sign in yet (it was made before accounts existed). Create one first: credit-desk users add NAME, or start the desktop app.</source>
        <translation>此登记册还没有可以登录的管理员（它建于启用账号之前）。请先创建：credit-desk users add 用户名，或启动桌面程序。</translation>
    </message>
    <message>
        <source>This command needs a user: give --user NAME (or set CREDIT_DESK_USER) and the password.</source>
        <translation>此命令需要登录：请用 --user 用户名（或设置环境变量 CREDIT_DESK_USER）并提供密码。</translation>
    </message>
    <message>
        <source>Demo township: --user official, password demo2026.</source>
        <translation>演示乡镇：--user official，密码 demo2026。</translation>
    </message>
    <message>
        <source>{user} must choose a new password first: credit-desk users passwd --user {user}</source>
        <translation>{user} 须先设置新密码：credit-desk users passwd --user {user}</translation>
    </message>
    <message>
        <source>full ID numbers and phones instead of masked ones (needs the permission and a --purpose that allows it; logged)</source>
        <translation>输出完整身份证号码和电话而不是脱敏号码（需要相应权限和允许完整显示的 --purpose 用途；会登记）</translation>
    </message>
    <message>
        <source>why the list is needed, from the credit policy&apos;s purposes (e.g. 司法协查)</source>
        <translation>需要此名单的用途，取自信用政策的用途列表（例如 司法协查）</translation>
    </message>
    <message>
        <source>user accounts: list, add, disable, enable, reset-password, set-role, passwd</source>
        <translation>用户账号：list 列出、add 添加、disable 停用、enable 启用、reset-password 重置密码、set-role 设置角色、passwd 修改本人密码</translation>
    </message>
    <message>
        <source>list user accounts</source>
        <translation>列出用户账号</translation>
    </message>
    <message>
        <source>add a user (the first administrator of a register needs no sign-in)</source>
        <translation>添加用户（登记册的第一个管理员无需登录）</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>a village this user works in (code or name; repeat for more)</source>
        <translation>该用户负责的村（代码或名称；可重复给出多个）</translation>
    </message>
    <message>
        <source>read the new password from standard input (else asked, or CREDIT_DESK_NEW_PASSWORD)</source>
        <translation>从标准输入读取新密码（否则提示输入，或取自 CREDIT_DESK_NEW_PASSWORD）</translation>
    </message>
    <message>
        <source>disable a user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>enable a user again</source>
        <translation>重新启用用户</translation>
    </message>
    <message>
        <source>give a user a temporary password they must change at next sign-in</source>
        <translation>给用户设置临时密码，下次登录时必须修改</translation>
    </message>
    <message>
        <source>change a user&apos;s role</source>
        <translation>修改用户角色</translation>
    </message>
    <message>
        <source>villages this user works in (replaces the list; repeat for more)</source>
        <translation>该用户负责的村（替换原列表；可重复给出多个）</translation>
    </message>
    <message>
        <source>change your own password (new one asked, or CREDIT_DESK_NEW_PASSWORD)</source>
        <translation>修改本人密码（提示输入新密码，或取自 CREDIT_DESK_NEW_PASSWORD）</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>No new password: type it when asked, or give it with --new-password-stdin or CREDIT_DESK_NEW_PASSWORD.</source>
        <translation>没有新密码：请在提示时输入，或用 --new-password-stdin 或 CREDIT_DESK_NEW_PASSWORD 提供。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>未设密码</translation>
    </message>
    <message>
        <source>User {user} added ({role}).</source>
        <translation>已添加用户 {user}（{role}）。</translation>
    </message>
    <message>
        <source>User {user} enabled.</source>
        <translation>已启用用户 {user}。</translation>
    </message>
    <message>
        <source>User {user} disabled.</source>
        <translation>已停用用户 {user}。</translation>
    </message>
    <message>
        <source>Password of {user} reset; they must change it at next sign-in.</source>
        <translation>已重置 {user} 的密码；其下次登录时必须修改。</translation>
    </message>
    <message>
        <source>{user} is now {role}.</source>
        <translation>{user} 的角色已改为 {role}。</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>look up households and organizations</source>
        <translation>查询农户和经营主体</translation>
    </message>
    <message>
        <source>change the register</source>
        <translation>修改登记册</translation>
    </message>
    <message>
        <source>see full ID numbers and phones</source>
        <translation>查看完整身份证号码和电话</translation>
    </message>
    <message>
        <source>import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>manage villages and groups</source>
        <translation>管理村和村民小组</translation>
    </message>
    <message>
        <source>export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>collect rating answers</source>
        <translation>采集评定信息</translation>
    </message>
    <message>
        <source>record a rating&apos;s first review</source>
        <translation>登记村评议小组初评</translation>
    </message>
    <message>
        <source>township review of ratings</source>
        <translation>乡镇复核评定</translation>
    </message>
    <message>
        <source>approve ratings</source>
        <translation>审定评定结果</translation>
    </message>
    <message>
        <source>manage rating campaigns and schemes</source>
        <translation>管理评定批次和指标体系</translation>
    </message>
    <message>
        <source>print and collect commitment letters</source>
        <translation>打印和回收信用承诺书</translation>
    </message>
    <message>
        <source>record credit information</source>
        <translation>登记信用信息</translation>
    </message>
    <message>
        <source>record a credit repair application</source>
        <translation>登记信用修复申请</translation>
    </message>
    <message>
        <source>decide credit repairs</source>
        <translation>审批信用修复</translation>
    </message>
    <message>
        <source>record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>decide objections</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <source>issue credit reports</source>
        <translation>出具信用报告</translation>
    </message>
    <message>
        <source>manage red and black lists</source>
        <translation>管理红黑名单</translation>
    </message>
    <message>
        <source>exchange batches with the county</source>
        <translation>与县里交换批次</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change policies</source>
        <translation>修改政策</translation>
    </message>
    <message>
        <source>make and restore backups</source>
        <translation>备份和恢复</translation>
    </message>
    <message>
        <source>review the query and use log</source>
        <translation>审查查询使用登记</translation>
    </message>
    <message>
        <source>This account is disabled or unknown; sign in as another user.</source>
        <translation>此账号已停用或不存在，请以其他用户登录。</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {action}: the permission &quot;{permission}&quot; is missing. Ask an administrator.</source>
        <translation>{user}（{role}）无权{action}：缺少权限“{permission}”。请联系管理员。</translation>
    </message>
    <message>
        <source>You are not assigned to {village}; field staff work only in their own villages. Ask an administrator to assign it.</source>
        <translation>您未被分配到{village}；驻村干部只能处理自己负责的村。请管理员为您分配。</translation>
    </message>
    <message>
        <source>You recorded this yourself; another person must approve it (separation of duties).</source>
        <translation>这是您本人登记或申请的，须由另一人审批（不相容职责分离）。</translation>
    </message>
    <message>
        <source>The access policy is not valid TOML: {error}. Correct it or restore the shipped file.</source>
        <translation>权限政策不是有效的 TOML：{error}。请改正，或恢复为出厂文件。</translation>
    </message>
    <message>
        <source>The access policy has no [roles.{role}] section; every role needs one.</source>
        <translation>权限政策缺少 [roles.{role}] 一节；每个角色都必须有。</translation>
    </message>
    <message>
        <source>The access policy has no [{section}] section.</source>
        <translation>权限政策缺少 [{section}] 一节。</translation>
    </message>
    <message>
        <source>State the purpose, one of: {purposes}.</source>
        <translation>请说明用途，须为以下之一：{purposes}。</translation>
    </message>
    <message>
        <source>The purpose {purpose} does not allow full ID numbers; it allows masked numbers only. Purposes that allow full numbers: {purposes}.</source>
        <translation>用途“{purpose}”不允许显示完整身份证号码，只能显示脱敏号码。允许完整显示的用途：{purposes}。</translation>
    </message>
    <message>
        <source>Search: {query}</source>
        <translation>查找：{query}</translation>
    </message>
</context>
<context>
    <name>AccountsWindow</name>
    <message>
        <source>Users and review</source>
        <translation>用户与审查</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Review of the query and use log</source>
        <translation>查询使用登记审查</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>负责的村</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Make role as chosen above</source>
        <translation>改为上面选择的角色</translation>
    </message>
    <message>
        <source>Reset password to the temporary one above</source>
        <translation>把密码重置为上面的临时密码</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>未设密码</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Why highlighted</source>
        <translation>提示原因</translation>
    </message>
    <message>
        <source>finding of the review, e.g. 无异常</source>
        <translation>审查意见，例如 无异常</translation>
    </message>
    <message>
        <source>Sign the review</source>
        <translation>签署审查</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>正在读取登记……</translation>
    </message>
    <message>
        <source>{entries} entries; full-number disclosures: {full}; outside office hours ({hours}): {late}; unusual volumes: {unusual}.</source>
        <translation>共 {entries} 条登记；完整号码披露 {full} 次；非工作时间（{hours}）使用 {late} 次；异常用量 {unusual} 项。</translation>
    </message>
    <message>
        <source>{user}: {uses} uses, {subjects} subjects</source>
        <translation>{user}：{uses} 次使用，涉及 {subjects} 个主体</translation>
    </message>
    <message>
        <source>{user} on {day}: {count} subjects</source>
        <translation>{user} 在 {day}：{count} 个主体</translation>
    </message>
    <message>
        <source>full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>outside office hours</source>
        <translation>非工作时间</translation>
    </message>
    <message>
        <source>Show the period first, then sign.</source>
        <translation>请先查看该时段，再签署。</translation>
    </message>
    <message>
        <source>Write the finding of the review before signing.</source>
        <translation>请先填写审查意见再签署。</translation>
    </message>
    <message>
        <source>Review signed and entered in the account log.</source>
        <translation>审查已签署并记入账号日志。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>change journal</source>
        <translation>变更日志</translation>
    </message>
    <message>
        <source>query and use log</source>
        <translation>查询使用登记</translation>
    </message>
    <message>
        <source>account log</source>
        <translation>账号日志</translation>
    </message>
    <message>
        <source>The {log} is broken at row {seq}: {reason}</source>
        <translation>{log}在第 {seq} 条处断裂：{reason}</translation>
    </message>
    <message>
        <source>the row was deleted.</source>
        <translation>该条已被删除。</translation>
    </message>
    <message>
        <source>the row was added without its hash (the log&apos;s triggers were bypassed).</source>
        <translation>该条在写入时没有哈希（日志的触发器被绕过）。</translation>
    </message>
    <message>
        <source>the row&apos;s content or order was changed after it was written.</source>
        <translation>该条的内容或顺序在写入后被修改。</translation>
    </message>
    <message>
        <source>check that the journal and the query and use log were not rewritten</source>
        <translation>检查变更日志和查询使用登记是否被改写</translation>
    </message>
    <message>
        <source>recompute the hash chains and name the first broken row</source>
        <translation>重新计算哈希链，指出第一条断裂的记录</translation>
    </message>
    <message>
        <source>review the query and use log of a period: full-number disclosures, use outside office hours, unusual volumes per user</source>
        <translation>审查一段时间的查询使用登记：完整号码披露、非工作时间使用、用户异常用量</translation>
    </message>
    <message>
        <source>sign the review with this finding (entered in the account log)</source>
        <translation>以此审查意见签署审查（记入账号日志）</translation>
    </message>
    <message>
        <source>{log}: {rows} rows checked.</source>
        <translation>{log}：已核对 {rows} 条。</translation>
    </message>
    <message>
        <source>Missing protective triggers: {names}</source>
        <translation>缺少保护触发器：{names}</translation>
    </message>
    <message>
        <source>The audit chains are intact.</source>
        <translation>审计链完整。</translation>
    </message>
    <message>
        <source>THE AUDIT CHAINS ARE BROKEN: the logs were changed outside the program.</source>
        <translation>审计链已断裂：日志在程序之外被修改过。</translation>
    </message>
    <message>
        <source>{since} to {until}: {entries} entries.</source>
        <translation>{since} 至 {until}：共 {entries} 条登记。</translation>
    </message>
    <message>
        <source>  {user}: {uses} uses, {subjects} subjects</source>
        <translation>  {user}：{uses} 次使用，涉及 {subjects} 个主体</translation>
    </message>
    <message>
        <source>Full-number disclosures: {n}</source>
        <translation>完整号码披露：{n} 次</translation>
    </message>
    <message>
        <source>Use outside office hours ({hours}): {n}</source>
        <translation>非工作时间（{hours}）使用：{n} 次</translation>
    </message>
    <message>
        <source>  ! {user} on {day}: {count} subjects (more than {limit})</source>
        <translation>  ! {user} 在 {day}：{count} 个主体（超过 {limit}）</translation>
    </message>
    <message>
        <source>Review signed and entered in the account log.</source>
        <translation>审查已签署并记入账号日志。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行 “credit-desk demo” 或启动程序新建。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>{user}: your password was set by an administrator; choose your own.</source>
        <translation>{user}：您的密码是管理员设置的，请设置您自己的密码。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Note: this register is not encrypted yet. Sign in to the desktop app as an administrator, or close it and run credit-desk encrypt, to encrypt it.</source>
        <translation>提示：本登记册尚未加密。请以管理员身份登录桌面程序，或关闭桌面程序后运行 credit-desk encrypt，即可加密。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Locked. {name}, enter your password to continue.</source>
        <translation>已锁定。{name}，请输入您的密码继续。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Township Credit Desk — sign in</source>
        <translation>乡镇信用工作台 — 登录</translation>
    </message>
    <message>
        <source>Township Credit Desk</source>
        <translation>乡镇信用工作台</translation>
    </message>
    <message>
        <source>Register: {path}</source>
        <translation>登记册：{path}</translation>
    </message>
    <message>
        <source>This register has no administrator who can sign in yet. Create the first administrator; they then add the other users.</source>
        <translation>此登记册还没有可以登录的管理员。请创建第一个管理员，再由其添加其他用户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
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
        <source>Create administrator and sign in</source>
        <translation>创建管理员并登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <source>Demo township: choose an account (password demo2026) to try each role.</source>
        <translation>演示乡镇：选择一个账号（密码 demo2026）体验各个角色。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Opening the register…</source>
        <translation>正在打开登记册…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore the backup made {when}?

Work done since then is lost. The damaged register is kept in the backups folder for experts.</source>
        <translation>恢复 {when} 的备份吗？

此后所做的工作将丢失。已损坏的登记册保留在备份文件夹中，供技术人员处理。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The backup of {when} is restored. Sign in.</source>
        <translation>已恢复 {when} 的备份，请登录。</translation>
    </message>
    <message>
        <source>Choose a new password to continue.</source>
        <translation>请设置新密码后继续。</translation>
    </message>
    <message>
        <source>Encrypting the register (a backup is made first)…</source>
        <translation>正在加密登记册（已先做备份）……</translation>
    </message>
    <message>
        <source>The register could not be encrypted and stays as it was: {error}</source>
        <translation>登记册未能加密，保持原样：{error}</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key of the register</source>
        <translation>登记册恢复密钥</translation>
    </message>
    <message>
        <source>The register is encrypted: only a user&apos;s password opens it. If every password is lost, this recovery key is the only way back in. Print it or save it to a USB stick now and lock it away; it is not shown again.</source>
        <translation>登记册已加密：只有用户的密码才能打开。如果所有密码都丢失，这个恢复密钥是唯一的办法。请现在打印或存到U盘，并锁好保管；它不会再次显示。</translation>
    </message>
    <message>
        <source>Register: {path}</source>
        <translation>登记册：{path}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印……</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>保存到文件……</translation>
    </message>
    <message>
        <source>I have printed or saved the recovery key and will keep it locked away</source>
        <translation>我已打印或保存恢复密钥，并会锁好保管</translation>
    </message>
    <message>
        <source>Township Credit Desk — recovery key

Register: {path}
Recovery key: {key}

Keep this page locked away. Whoever holds it can open the register.</source>
        <translation>乡镇信用工作台 — 恢复密钥

登记册：{path}
恢复密钥：{key}

请锁好保管此页。持有它的人可以打开登记册。</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Users and review</source>
        <translation>用户与审查</translation>
    </message>
</context>
</TS>
