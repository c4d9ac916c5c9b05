<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backup</name>
    <message>
        <source>households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>经营主体</translation>
    </message>
    <message>
        <source>family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>credit records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>评定结果</translation>
    </message>
    <message>
        <source>commitment letters</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>changes in the journal</source>
        <translation>变更日志条目</translation>
    </message>
    <message>
        <source>The backup copy failed its check ({detail}), so it was not kept. The register itself may be damaged: see the damaged-register help.</source>
        <translation>备份副本未通过检查（{detail}），没有保留。登记册本身可能已损坏，请参看登记册损坏的处理说明。</translation>
    </message>
    <message>
        <source>There is no backup file {path}.</source>
        <translation>没有备份文件 {path}。</translation>
    </message>
    <message>
        <source>{path} is damaged or not a backup ({detail}).</source>
        <translation>{path} 已损坏或不是备份文件（{detail}）。</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}); choose another backup.</source>
        <translation>{path} 已损坏（{detail}），请选择其他备份。</translation>
    </message>
    <message>
        <source>Keep 1 to 366 daily backups and 0 to 520 weekly ones.</source>
        <translation>每日备份保留 1 到 366 份，每周备份保留 0 到 520 份。</translation>
    </message>
    <message>
        <source>{folder} is not a folder that can be written to.</source>
        <translation>{folder} 不是可以写入的文件夹。</translation>
    </message>
    <message>
        <source>back the register up now (checked; kept 7 daily and 4 weekly)</source>
        <translation>立即备份登记册（备份后自动检查；保留最近 7 天每天一份、4 周每周一份）</translation>
    </message>
    <message>
        <source>write the backup into DIR (a USB stick) instead of the backups folder</source>
        <translation>把备份写到 DIR（如U盘），而不是备份文件夹</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>list the backups</source>
        <translation>列出备份</translation>
    </message>
    <message>
        <source>list the backups in DIR instead of the backups folder</source>
        <translation>列出 DIR 中的备份，而不是备份文件夹中的</translation>
    </message>
    <message>
        <source>put a backup in place of the register (the current one is kept aside)</source>
        <translation>用备份替换登记册（当前登记册另行保留）</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>do not ask for confirmation (for scripts)</source>
        <translation>不询问确认（供脚本使用）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Backup written and checked: {path} ({size} KB; {counts})</source>
        <translation>备份已写入并通过检查：{path}（{size} KB；{counts}）</translation>
    </message>
    <message>
        <source>No backups in {folder}.</source>
        <translation>{folder} 中没有备份。</translation>
    </message>
    <message>
        <source>The backup holds: {counts}.</source>
        <translation>该备份包含：{counts}。</translation>
    </message>
    <message>
        <source>The current register is damaged; it will be kept aside for experts.</source>
        <translation>当前登记册已损坏，将另行保留，供技术人员处理。</translation>
    </message>
    <message>
        <source>Restoring it loses what the register has beyond it: {counts}.</source>
        <translation>恢复后将丢失登记册中比备份多出的内容：{counts}。</translation>
    </message>
    <message>
        <source>The register holds nothing the backup lacks.</source>
        <translation>登记册中没有备份之后新增的内容。</translation>
    </message>
    <message>
        <source>Restoring needs confirmation: run it in a terminal, or add --yes.</source>
        <translation>恢复需要确认：请在终端中运行，或加上 --yes。</translation>
    </message>
    <message>
        <source>Restore this backup? Type yes to go on: </source>
        <translation>确定恢复此备份吗？输入 yes 继续：</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何修改。</translation>
    </message>
    <message>
        <source>Restored. The previous register is kept as {kept}.</source>
        <translation>已恢复。原登记册保留为 {kept}。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Township Credit Desk: the rural credit register.</source>
        <translation>乡镇信用工作台：农村信用体系登记册。</translation>
    </message>
    <message>
        <source>folder of the register (default: the user data folder, or CREDIT_DESK_DATA_DIR)</source>
        <translation>登记册所在文件夹（默认：用户数据文件夹，或环境变量 CREDIT_DESK_DATA_DIR）</translation>
    </message>
    <message>
        <source>start on the demo township register (built on first start) in the demo folder of the data directory</source>
        <translation>使用演示乡镇登记册启动（首次启动时生成，位于数据文件夹的 demo 目录）</translation>
    </message>
    <message>
        <source>language of messages (default zh_CN)</source>
        <translation>提示语言（默认 zh_CN）</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>build a demo township register</source>
        <translation>生成演示乡镇登记册</translation>
    </message>
    <message>
        <source>number of households (default 8000)</source>
        <translation>农户数量（默认 8000）</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>delete an existing register first</source>
        <translation>先删除已有登记册</translation>
    </message>
    <message>
        <source>replace without asking (for scripts)</source>
        <translation>替换时不询问（供脚本使用）</translation>
    </message>
    <message>
        <source>do nothing if a register already exists</source>
        <translation>已有登记册时不做任何操作</translation>
    </message>
    <message>
        <source>find households and organizations</source>
        <translation>查找农户和经营主体</translation>
    </message>
    <message>
        <source>part of a name, pinyin, initials, ID number or its last 4+ digits, phone, USCC</source>
        <translation>姓名的一部分、全拼、拼音首字母、身份证号码或其后4位以上、电话、统一社会信用代码</translation>
    </message>
    <message>
        <source>list households or organizations in the register&apos;s order (by pinyin)</source>
        <translation>按登记册顺序（按拼音）列出农户或经营主体</translation>
    </message>
    <message>
        <source>only this village (name or code)</source>
        <translation>只列该村（村名或代码）</translation>
    </message>
    <message>
        <source>at most this many rows</source>
        <translation>最多列出的行数</translation>
    </message>
    <message>
        <source>The register is encrypted; each demo account (password demo2026) opens it. Recovery key: {key}</source>
        <translation>登记册已加密；每个演示账号（密码 demo2026）都能打开。恢复密钥：{key}</translation>
    </message>
    <message>
        <source>legal representative of</source>
        <translation>法定代表人，所属主体：</translation>
    </message>
    <message>
        <source>member of the household of</source>
        <translation>家庭成员，户主：</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>--households must be between 1 and 2000000.</source>
        <translation>--households 必须在 1 到 2000000 之间。</translation>
    </message>
    <message>
        <source>A register already exists in {path}. Use --replace to delete it and build the demo, or choose another --data-dir.</source>
        <translation>{path} 中已有登记册。使用 --replace 删除后重新生成演示数据，或用 --data-dir 指定其他文件夹。</translation>
    </message>
    <message>
        <source>The register in {path} is a real township&apos;s, not a demo: --replace only ever replaces a demo register. Choose another --data-dir for the demo.</source>
        <translation>{path} 中是真实乡镇的登记册，不是演示登记册：--replace 只会替换演示登记册。请用 --data-dir 为演示数据另选文件夹。</translation>
    </message>
    <message>
        <source>Replacing the demo register needs confirmation: run it in a terminal, or add --yes.</source>
        <translation>替换演示登记册需要确认：请在终端中运行，或加上 --yes。</translation>
    </message>
    <message>
        <source>Replace the demo register in {path}? Type yes to go on: </source>
        <translation>确定替换 {path} 中的演示登记册吗？输入 yes 继续：</translation>
    </message>
    <message>
        <source>Demo register built in {path}: {households} households, {organizations} organizations, {villages} villages.</source>
        <translation>演示登记册已生成：{path}，共 {households} 户农户、{organizations} 个经营主体、{villages} 个村。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>save a picture of a view of the app (drawn offscreen) as PNG</source>
        <translation>把程序的某个界面画成 PNG 图片保存（离屏绘制）</translation>
    </message>
    <message>
        <source>which view to draw</source>
        <translation>要画的界面</translation>
    </message>
    <message>
        <source>where to save the picture</source>
        <translation>图片保存位置</translation>
    </message>
    <message>
        <source>window size in pixels (default 1280x800)</source>
        <translation>窗口大小（像素，默认 1280x800）</translation>
    </message>
    <message>
        <source>Give the size as width x height, e.g. 1280x800.</source>
        <translation>请按“宽x高”填写大小，例如 1280x800。</translation>
    </message>
    <message>
        <source>The size must be between 200x150 and 8000x8000.</source>
        <translation>大小必须在 200x150 到 8000x8000 之间。</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; first, or draw the welcome view.</source>
        <translation>{path} 中还没有登记册。请先运行“credit-desk demo”，或者画欢迎界面（welcome）。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行 “credit-desk demo” 或启动程序新建。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Only an administrator or a township official may change the issuing office.</source>
        <translation>只有管理员或信用办干部可以修改出具单位名称。</translation>
    </message>
    <message>
        <source>Enter the issuing office&apos;s full name, e.g. 石泉镇信用工作办公室.</source>
        <translation>请输入出具单位全称，例如：石泉镇信用工作办公室。</translation>
    </message>
    <message>
        <source>The office name is too long for a document (at most 40 characters).</source>
        <translation>出具单位名称过长，文书上最多 40 个字。</translation>
    </message>
    <message>
        <source>The office name has characters no printing font has: {chars}.</source>
        <translation>出具单位名称中有打印字体没有的字符：{chars}。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>row {row}, </source>
        <translation>第 {row} 行，</translation>
    </message>
    <message>
        <source>The newest good backup is {file} ({made_at}); restoring it loses the work done since then.</source>
        <translation>最近一份完好的备份是 {file}（{made_at}）；恢复后将丢失此后所做的工作。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space (empty the recycle bin, move old files to a USB stick) and try again.</source>
        <translation>磁盘已满。请清理空间（清空回收站、把旧文件移到 U 盘）后重试。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. Free some space (empty the recycle bin, move old files to a USB stick) and try again.</source>
        <translation>磁盘已满，本次修改没有保存。请清理空间（清空回收站、把旧文件移到U盘）后重试。</translation>
    </message>
    <message>
        <source>The register could not be read: the disk or USB stick holding it did not answer. If the USB stick was pulled out, put it back and restart the program; if it happens again the disk may be failing — copy the latest backup to another disk.</source>
        <translation>无法读取登记册：存放登记册的磁盘或 U 盘没有响应。如果 U 盘被拔出，请插回后重新启动程序；如果反复出现，可能是磁盘出现故障——请把最近的备份复制到另一块磁盘。</translation>
    </message>
    <message>
        <source>The change was not saved: the disk or USB stick holding the register did not answer. If the USB stick was pulled out, put it back and restart the program; if it happens again the disk may be failing — copy the latest backup to another disk.</source>
        <translation>修改没有保存：存放登记册的磁盘或 U 盘没有响应。如果 U 盘被拔出，请插回后重新启动程序；如果反复出现，可能是磁盘出现故障——请把最近的备份复制到另一块磁盘。</translation>
    </message>
    <message>
        <source>The register is in use by another program or another copy of this program. Close the other one and try again.</source>
        <translation>登记册正被其他程序或另一个本程序窗口使用。请关闭后重试。</translation>
    </message>
    <message>
        <source>The register file is damaged, so nothing was written to it and it is kept as it is for experts.</source>
        <translation>登记册文件已损坏，程序没有向其写入任何内容，并原样保留供技术人员处理。</translation>
    </message>
    <message>
        <source>The newest good backup is {file} ({made_at}); restoring it loses the work done since then. To restore it: credit-desk restore &quot;{path}&quot;.</source>
        <translation>最近一份完好的备份是 {file}（{made_at}）；恢复后将丢失此后所做的工作。恢复方法：credit-desk restore &quot;{path}&quot;。</translation>
    </message>
    <message>
        <source>There is no good backup in the backups folder; ask the township IT contact for help.</source>
        <translation>备份文件夹中没有完好的备份，请联系乡镇信息化联系人。</translation>
    </message>
    <message>
        <source>The register file is damaged. Do not keep working in it: restore the latest backup from the backups folder in the data directory, or ask the township IT contact for help.</source>
        <translation>登记册文件已损坏。请不要继续在其中工作：从数据文件夹的 backups 目录恢复最近的备份，或联系乡镇信息化联系人。</translation>
    </message>
    <message>
        <source>The register file cannot be written (read-only or no permission). Copy it to a folder you can write to, or ask an administrator.</source>
        <translation>无法写入登记册文件（只读或没有权限）。请复制到可写的文件夹，或联系管理员。</translation>
    </message>
    <message>
        <source>The register file cannot be opened. Check that the folder exists and that you may write to it.</source>
        <translation>无法打开登记册文件。请检查文件夹是否存在、是否有写入权限。</translation>
    </message>
    <message>
        <source>This register was written by a newer version of Township Credit Desk ({found}). This version cannot use it safely; please install the newer version.</source>
        <translation>此登记册由更新版本的乡镇信用工作台写入（架构版本 {found}）。当前版本无法安全使用，请安装新版本。</translation>
    </message>
    <message>
        <source>This file is a database, but not a Township Credit Desk register.</source>
        <translation>该文件是数据库，但不是乡镇信用工作台的登记册。</translation>
    </message>
</context>
<context>
    <name>Excel</name>
    <message>
        <source>Writing rows</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{path} cannot be written. If it is open in Excel or WPS, close it and export again.</source>
        <translation>无法写入 {path}。如果它正在 Excel 或 WPS 中打开，请先关闭再导出。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
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
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>行政村</translation>
    </message>
    <message>
        <source>Village groups</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
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
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Reason for accepting the code</source>
        <translation>确认代码的理由</translation>
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
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>There is not enough space to write {path}. Nothing was saved; free some space or choose another folder and try again.</source>
        <translation>磁盘空间不足，无法写入 {path}。没有保存任何内容；请清理空间或换一个文件夹后重试。</translation>
    </message>
    <message>
        <source>{path} cannot be written (no permission, read-only, or open in another program). Nothing was saved; close it or choose another folder.</source>
        <translation>无法写入 {path}（没有权限、只读，或正被其他程序打开）。没有保存任何内容；请关闭该文件或换一个文件夹。</translation>
    </message>
    <message>
        <source>Writing {path} failed ({reason}). Nothing was saved; check the disk or USB stick and try again.</source>
        <translation>写入 {path} 失败（{reason}）。没有保存任何内容；请检查磁盘或U盘后重试。</translation>
    </message>
    <message>
        <source>{name} is encrypted, but the register is not.</source>
        <translation>{name} 已加密，但登记册没有加密。</translation>
    </message>
    <message>
        <source>{name} does not open with this register&apos;s key: it was altered, or belongs to another register.</source>
        <translation>{name} 无法用本登记册的密钥打开：文件已被改动，或属于另一个登记册。</translation>
    </message>
    <message>
        <source>{path} was saved but could not be put in place ({reason}); it will be finished the next time the program starts.</source>
        <translation>{path} 已保存，但未能放到目标位置（{reason}）；下次启动程序时会自动完成。</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <source>A 15-digit ID number may contain digits only.</source>
        <translation>15位身份证号码只能包含数字。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters (or 15 for old cards); this one has {n}.</source>
        <translation>身份证号码应为18位（老身份证15位），这里是 {n} 位。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号码由17位数字加1位数字或X组成。</translation>
    </message>
    <message>
        <source>Digits 7 to 14 must be a real birth date (YYYYMMDD); {d} is not.</source>
        <translation>第7到14位应为真实的出生日期（年月日），{d} 不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date {d} in the ID number is not possible.</source>
        <translation>身份证号码中的出生日期 {d} 不可能。</translation>
    </message>
    <message>
        <source>The check character is wrong: the last character should be {expected}, not {found}. Check the number against the card.</source>
        <translation>校验位错误：最后一位应为 {expected}，而不是 {found}。请对照身份证核对。</translation>
    </message>
    <message>
        <source>The ID number belongs to a {encoded}, but {typed} was entered.</source>
        <translation>身份证号码对应的性别为{encoded}，但填写的是{typed}。</translation>
    </message>
    <message>
        <source>The ID number encodes the birth date {encoded}, but {typed} was entered.</source>
        <translation>身份证号码中的出生日期为 {encoded}，但填写的是 {typed}。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码应为18位，这里是 {n} 位。</translation>
    </message>
    <message>
        <source>A unified social credit code never contains {chars} (the letters I, O, S, V and Z are not used).</source>
        <translation>统一社会信用代码中不会出现 {chars}（不使用字母 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of the code are the division code and must be digits.</source>
        <translation>代码第3到8位是行政区划码，必须是数字。</translation>
    </message>
    <message>
        <source>The check character should be {expected}, not {found}. Some early codes really are like this: confirm with a reason if the licence shows this code.</source>
        <translation>校验位应为 {expected}，而不是 {found}。部分试点期间赋的代码确实如此：如营业执照上就是这个代码，请填写理由后确认。</translation>
    </message>
    <message>
        <source>A phone number is an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 0838-1234567).</source>
        <translation>电话应为以1开头的11位手机号，或带区号的固定电话（如 0838-1234567）。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有做任何修改。</translation>
    </message>
    <message>
        <source>Another job is running: {title}.</source>
        <translation>另一项任务正在进行：{title}。</translation>
    </message>
    <message>
        <source>{percent} % done.</source>
        <translation>已完成 {percent}%。</translation>
    </message>
    <message>
        <source>It should be done at about {time}.</source>
        <translation>预计约 {time} 完成。</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The record no longer exists; it may have been deleted by someone else.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Close it, open it again and redo your change.</source>
        <translation>您打开此记录后，已有他人保存了修改。请关闭后重新打开，再做一次修改。</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>encrypt the register and its backups (the signed-in administrator&apos;s password opens it; prints a recovery key)</source>
        <translation>加密登记册及其备份（用当前登录管理员的密码打开；并显示恢复密钥）</translation>
    </message>
    <message>
        <source>The register and its backups are encrypted.</source>
        <translation>登记册及其备份已加密。</translation>
    </message>
    <message>
        <source>Recovery key (print it and lock it away; it is the only way in if every password is lost): {key}</source>
        <translation>恢复密钥（请打印并锁好保管；所有密码都丢失时，这是唯一的打开方式）：{key}</translation>
    </message>
    <message>
        <source>The register is encrypted: sign in with your user name and password to open it.</source>
        <translation>登记册已加密：请用您的用户名和密码登录后打开。</translation>
    </message>
    <message>
        <source>The user name or password is wrong, or this user has no key to the encrypted register yet (an administrator sets the password again to give one).</source>
        <translation>用户名或密码错误，或该用户还没有打开加密登记册的密钥（由管理员重新设置其密码即可获得）。</translation>
    </message>
    <message>
        <source>That recovery key does not open this register.</source>
        <translation>该恢复密钥打不开这个登记册。</translation>
    </message>
    <message>
        <source>The encrypted copy did not match the register ({detail}); nothing was changed.</source>
        <translation>加密副本与登记册不一致（{detail}），没有做任何修改。</translation>
    </message>
    <message>
        <source>The register is already encrypted.</source>
        <translation>登记册已经加密。</translation>
    </message>
    <message>
        <source>There is a register in {path} already.</source>
        <translation>{path} 中已有登记册。</translation>
    </message>
</context>
<context>
    <name>Lists</name>
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
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Land (mu)</source>
        <translation>承包地（亩）</translation>
    </message>
    <message>
        <source>Main industry</source>
        <translation>主营产业</translation>
    </message>
    <message>
        <source>Income (yuan)</source>
        <translation>年收入（元）</translation>
    </message>
    <message>
        <source>Loan balance (yuan)</source>
        <translation>贷款余额（元）</translation>
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
        <source>Registered capital (yuan)</source>
        <translation>注册资本（元）</translation>
    </message>
    <message>
        <source>There is no village &apos;{name}&apos; in the register.</source>
        <translation>登记册中没有“{name}”这个村。</translation>
    </message>
    <message>
        <source>Register list ({count})</source>
        <translation>登记册名单（{count} 条）</translation>
    </message>
</context>
<context>
    <name>PDF</name>
    <message>
        <source>Cannot print {where}: no font has the character(s) {chars}. Nothing was printed. Correct the text or ask for a font that has them.</source>
        <translation>无法打印{where}：所有字体都没有字符 {chars}。没有打印任何内容。请更正文字，或联系获取包含这些字的字体。</translation>
    </message>
    <message>
        <source>this document</source>
        <translation>此文档</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>create the register of a township (what the welcome screen does)</source>
        <translation>为乡镇建立信用台账（与欢迎页相同）</translation>
    </message>
    <message>
        <source>the township&apos;s 9-digit division code, e.g. 510623105</source>
        <translation>乡镇 9 位区划代码，例如 510623105</translation>
    </message>
    <message>
        <source>the township&apos;s villages and groups: list, add, rename, merge, split, move a group, retire, import a list</source>
        <translation>乡镇的村和村民小组：列出、添加、改名、合并、拆分、移动小组、停用、导入区划表</translation>
    </message>
    <message>
        <source>list villages and their groups</source>
        <translation>列出村及其村民小组</translation>
    </message>
    <message>
        <source>include retired places</source>
        <translation>包括已停用的区划</translation>
    </message>
    <message>
        <source>add a village with its groups, or groups to a village</source>
        <translation>添加村及其村民小组，或为已有的村添加小组</translation>
    </message>
    <message>
        <source>the village (new, or existing when only groups are added)</source>
        <translation>村（新村；只添加小组时为已有的村）</translation>
    </message>
    <message>
        <source>the new village&apos;s 12-digit statistical code</source>
        <translation>新村的 12 位统计用区划代码</translation>
    </message>
    <message>
        <source>group names separated by commas, e.g. 一组,二组,三组</source>
        <translation>小组名称，用逗号分隔，例如 一组,二组,三组</translation>
    </message>
    <message>
        <source>rename a village or group</source>
        <translation>村或小组改名</translation>
    </message>
    <message>
        <source>a corrected 12-digit code for a village</source>
        <translation>更正后的村 12 位代码</translation>
    </message>
    <message>
        <source>merge a village or group into another (its households move along)</source>
        <translation>把村或小组并入另一个（农户随之迁移）</translation>
    </message>
    <message>
        <source>make a new village of some groups of a village</source>
        <translation>把一个村的部分小组拆出为新村</translation>
    </message>
    <message>
        <source>move a group (and its households) to another village</source>
        <translation>把小组（连同农户）划归另一个村</translation>
    </message>
    <message>
        <source>retire an empty village or group (kept for history)</source>
        <translation>停用没有农户的村或小组（保留历史）</translation>
    </message>
    <message>
        <source>import the village and group list from a spreadsheet</source>
        <translation>从表格导入村和村民小组名单</translation>
    </message>
    <message>
        <source>show what would be added, without adding it</source>
        <translation>只显示将添加的内容，不实际添加</translation>
    </message>
    <message>
        <source>No register in {path}. Create it first: credit-desk setup --township-code CODE --township-name NAME.</source>
        <translation>{path} 中还没有台账。请先建立：credit-desk setup --township-code 代码 --township-name 名称。</translation>
    </message>
    <message>
        <source>A new register needs its first administrator, whose password opens the encrypted register: give --user NAME (or set CREDIT_DESK_USER) and the password.</source>
        <translation>新登记册需要第一位管理员，其密码用于打开加密的登记册：请用 --user 用户名（或设置 CREDIT_DESK_USER）并提供密码。</translation>
    </message>
    <message>
        <source>Register created for {name} ({code}) in {path}.</source>
        <translation>已在 {path} 为{name}（{code}）建立台账。</translation>
    </message>
    <message>
        <source>First administrator: {user}.</source>
        <translation>首位管理员：{user}。</translation>
    </message>
    <message>
        <source>The register is encrypted. Recovery key (print it and lock it away; it is the only way in if every password is lost; it is shown only now): {key}</source>
        <translation>登记册已加密。恢复密钥（请打印并锁好保管；所有密码丢失时这是唯一的办法；仅此一次显示）：{key}</translation>
    </message>
    <message>
        <source>No villages yet: add them with credit-desk places add, or import the list with credit-desk places import FILE.</source>
        <translation>还没有村：用 credit-desk places add 添加，或用 credit-desk places import 文件 导入区划表。</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>{code} {name}{mark}: {households} households, {organizations} organizations</source>
        <translation>{code} {name}{mark}：{households} 户，{organizations} 个经营主体</translation>
    </message>
    <message>
        <source>    {name}{mark}: {households} households</source>
        <translation>    {name}{mark}：{households} 户</translation>
    </message>
    <message>
        <source>Added {n} groups.</source>
        <translation>已添加 {n} 个村民小组。</translation>
    </message>
    <message>
        <source>There is no village &apos;{name}&apos; yet. To add it, give its 12-digit code with --code.</source>
        <translation>还没有“{name}”。要添加这个村，请用 --code 给出它的 12 位代码。</translation>
    </message>
    <message>
        <source>Added {name} ({code}) with {n} groups.</source>
        <translation>已添加{name}（{code}），含 {n} 个村民小组。</translation>
    </message>
    <message>
        <source>{old} is now {new}.</source>
        <translation>{old}已改名为{new}。</translation>
    </message>
    <message>
        <source>{source} merged into {target}; {households_moved} households moved; {source} is retired.</source>
        <translation>{source}已并入{target}，迁移 {households_moved} 户；{source}已停用。</translation>
    </message>
    <message>
        <source>Added {name} ({code}); {households_moved} households moved.</source>
        <translation>已添加{name}（{code}），迁入 {households_moved} 户。</translation>
    </message>
    <message>
        <source>{group} now belongs to {village}; {n} households moved.</source>
        <translation>{group}已划归{village}，迁移 {n} 户。</translation>
    </message>
    <message>
        <source>{name} is retired; it stays in the history.</source>
        <translation>{name}已停用，历史记录中仍保留。</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}: {message}</source>
        <translation>工作表 {sheet} 第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Nothing was imported: correct the rows above and import again.</source>
        <translation>未导入任何内容：请改正以上各行后重新导入。</translation>
    </message>
    <message>
        <source>Would add {v} villages and {g} groups.</source>
        <translation>将添加 {v} 个村、{g} 个村民小组。</translation>
    </message>
    <message>
        <source>Added {v} villages and {g} groups.</source>
        <translation>已添加 {v} 个村、{g} 个村民小组。</translation>
    </message>
    <message>
        <source>This register has no township yet: create it first (township code and name).</source>
        <translation>台账中还没有乡镇：请先建立（乡镇代码和名称）。</translation>
    </message>
    <message>
        <source>No such place; it may have been removed.</source>
        <translation>没有这个区划，可能已被删除。</translation>
    </message>
    <message>
        <source>There is no village &apos;{name}&apos; in the register.</source>
        <translation>台账中没有“{name}”这个村。</translation>
    </message>
    <message>
        <source>The village has no group &apos;{name}&apos;.</source>
        <translation>该村没有“{name}”这个小组。</translation>
    </message>
    <message>
        <source>{name} is a {found}, not a {wanted}: give a {example}.</source>
        <translation>{name}是{found}，不是{wanted}：请给出{example}。</translation>
    </message>
    <message>
        <source>village group as VILLAGE/GROUP (e.g. 新华村/一组)</source>
        <translation>“村/组”形式的村民小组（例如 新华村/一组）</translation>
    </message>
    <message>
        <source>village name or code</source>
        <translation>村名或村代码</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>A place name has at most 40 characters.</source>
        <translation>区划名称最多 40 个字。</translation>
    </message>
    <message>
        <source>A village code has 12 digits: the township&apos;s {code} and 3 more, e.g. {code}201 (from the statistical division list).</source>
        <translation>村代码为 12 位数字：乡镇代码 {code} 加 3 位，例如 {code}201（见统计用区划代码表）。</translation>
    </message>
    <message>
        <source>The code {code} does not start with the township&apos;s code {township}.</source>
        <translation>代码 {code} 不是以本乡镇代码 {township} 开头。</translation>
    </message>
    <message>
        <source>The code {code} is already used by {name}.</source>
        <translation>代码 {code} 已被{name}使用。</translation>
    </message>
    <message>
        <source>There is already a village called {name}.</source>
        <translation>已有名为{name}的村。</translation>
    </message>
    <message>
        <source>The village already has the group {name}.</source>
        <translation>该村已有{name}。</translation>
    </message>
    <message>
        <source>{name} is not a {level}.</source>
        <translation>{name}不是{level}。</translation>
    </message>
    <message>
        <source>{name} is retired; it can no longer be changed.</source>
        <translation>{name}已停用，不能再修改。</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <source>{a} and {b} are the same group.</source>
        <translation>{a}和{b}是同一个小组。</translation>
    </message>
    <message>
        <source>{name} is listed twice.</source>
        <translation>{name}重复列出。</translation>
    </message>
    <message>
        <source>Enter the group names.</source>
        <translation>请填写小组名称。</translation>
    </message>
    <message>
        <source>Only villages and groups are renamed here.</source>
        <translation>这里只能为村和小组改名。</translation>
    </message>
    <message>
        <source>{group} already belongs to {village}.</source>
        <translation>{group}已属于{village}。</translation>
    </message>
    <message>
        <source>A place cannot be merged into itself; choose another place to merge into.</source>
        <translation>不能把区划并入它自己，请选择要并入的另一个区划。</translation>
    </message>
    <message>
        <source>Only villages and groups are merged.</source>
        <translation>只能合并村或小组。</translation>
    </message>
    <message>
        <source>A {a} can only be merged into another {a}, not into {name}.</source>
        <translation>{a}只能并入另一个{a}，不能并入{name}。</translation>
    </message>
    <message>
        <source>{village} has no group &apos;{name}&apos;.</source>
        <translation>{village}没有“{name}”这个小组。</translation>
    </message>
    <message>
        <source>Choose the groups that form the new village.</source>
        <translation>请选择组成新村的小组。</translation>
    </message>
    <message>
        <source>Only villages and groups are retired.</source>
        <translation>只能停用村或小组。</translation>
    </message>
    <message>
        <source>{name} still has {households} households and {organizations} organizations. Merge it into another place (their records move along), or move them first.</source>
        <translation>{name}还有 {households} 户农户和 {organizations} 个经营主体。请把它并入另一个区划（记录随之迁移），或先把它们迁出。</translation>
    </message>
</context>
<context>
    <name>PolicyCLI</name>
    <message>
        <source>the credit policy in force and the county&apos;s policy updates</source>
        <translation>现行信用信息政策及县级政策更新</translation>
    </message>
    <message>
        <source>the policy in force today</source>
        <translation>显示今天施行的政策</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>the county&apos;s updates, newest version first, with their effective dates, then the administrators&apos; own edits</source>
        <translation>县里的政策更新（按版本从新到旧，含施行日期），以及管理员自己的修改</translation>
    </message>
    <message>
        <source>open deadlines and the policy version each runs under</source>
        <translation>未到期的期限及各自适用的政策版本</translation>
    </message>
    <message>
        <source>No register in {path}.</source>
        <translation>{path} 中没有登记册。</translation>
    </message>
    <message>
        <source>Credit policy {version}; county update in force: {county}; objections answered within {days} days.</source>
        <translation>信用信息政策 {version}；施行中的县级更新：{county}；异议在 {days} 日内答复。</translation>
    </message>
    <message>
        <source>No deadline is open.</source>
        <translation>没有未到期的期限。</translation>
    </message>
    <message>
        <source>The county has sent no policy update.</source>
        <translation>县里尚未下发政策更新。</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>自 {date} 起施行</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Register: viewing a household or organization</source>
        <translation>登记册：查看农户或经营主体</translation>
    </message>
    <message>
        <source>Register: showing ID numbers and phones in full</source>
        <translation>登记册：完整显示身份证号和电话</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>The credit policy is not valid TOML: {error}. Correct it or restore the shipped file.</source>
        <translation>信用信息政策文件格式有误（TOML）：{error}。请改正，或恢复随软件提供的文件。</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>异议中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>守信/良好</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>失信/不良</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>基础信息</translation>
    </message>
    <message>
        <source>Unknown kind of days {kind!r} in the credit policy; use calendar or working.</source>
        <translation>信用信息政策中的天数类型 {kind!r} 无法识别，请填 calendar（自然日）或 working（工作日）。</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD, e.g. 2026-03-15.</source>
        <translation>请按“年-月-日”输入日期，例如 2026-03-15。</translation>
    </message>
    <message>
        <source>negative credit record</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>Not on any red or black list.</source>
        <translation>未列入红黑名单。</translation>
    </message>
    <message>
        <source>Listed: {lists}. Measures: {measures}</source>
        <translation>已列入：{lists}。适用措施：{measures}</translation>
    </message>
    <message>
        <source>As legal representative of {organization}: {what} ({title}).</source>
        <translation>作为{organization}的法定代表人：{what}（{title}）。</translation>
    </message>
    <message>
        <source>Measures reaching the legal representative: {measures}</source>
        <translation>及于法定代表人的措施：{measures}</translation>
    </message>
    <message>
        <source>Viewed credit detail</source>
        <translation>查看信用详情</translation>
    </message>
    <message>
        <source>Credit report</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Report verification</source>
        <translation>报告核验</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No household or organization with id {id}.</source>
        <translation>找不到编号为 {id} 的农户或经营主体。</translation>
    </message>
    <message>
        <source>No registered household or organization matches {text}. Type the head of household&apos;s ID number, the organization&apos;s unified social credit code, or a credit record id.</source>
        <translation>登记册中没有与 {text} 对应的农户或经营主体。请输入户主身份证号、经营主体的统一社会信用代码或信用记录编号。</translation>
    </message>
    <message>
        <source>As legal representative of {organization}: {title}</source>
        <translation>作为{organization}的法定代表人：{title}</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <source>Farmers&apos; cooperative</source>
        <translation>农民专业合作社</translation>
    </message>
    <message>
        <source>Family farm</source>
        <translation>家庭农场</translation>
    </message>
    <message>
        <source>Agricultural enterprise</source>
        <translation>农业企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>经营主体</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>A {level} division code has {n} digits.</source>
        <translation>{level}区划代码为 {n} 位数字。</translation>
    </message>
    <message>
        <source>The code must start with the code of {parent} ({code}).</source>
        <translation>代码必须以{parent}的代码（{code}）开头。</translation>
    </message>
    <message>
        <source>Enter a code.</source>
        <translation>请输入代码。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>village</source>
        <translation>行政村</translation>
    </message>
    <message>
        <source>village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>{name}, head of a household in {village}</source>
        <translation>{village}农户户主 {name}</translation>
    </message>
    <message>
        <source>{name}, member of the household of {head} in {village}</source>
        <translation>{village} {head} 户的家庭成员 {name}</translation>
    </message>
    <message>
        <source>Choose the village.</source>
        <translation>请选择行政村。</translation>
    </message>
    <message>
        <source>The group must belong to the chosen village.</source>
        <translation>村民小组必须属于所选行政村。</translation>
    </message>
    <message>
        <source>Already registered: {who}.</source>
        <translation>已登记：{who}。</translation>
    </message>
    <message>
        <source>This ID number appears twice in the household.</source>
        <translation>该身份证号码在本户中出现了两次。</translation>
    </message>
    <message>
        <source>member {i}: {message}</source>
        <translation>第 {i} 位家庭成员：{message}</translation>
    </message>
    <message>
        <source>New overdue loan: {yuan} yuan overdue</source>
        <translation>新增逾期贷款：逾期 {yuan} 元</translation>
    </message>
    <message>
        <source>No such record; it may have been deleted.</source>
        <translation>没有这条记录，可能已被删除。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Character {pos} is an invisible control or text-direction character (U+{code:04X}). It breaks printing: type the value again instead of pasting it.</source>
        <translation>第 {pos} 个字符是看不见的控制字符或文字方向字符（U+{code:04X}），会使打印出错：请重新输入该内容，不要粘贴。</translation>
    </message>
    <message>
        <source>No font of this app can print {chars}, so letters and reports could not show it. Check the character against the ID card or licence (it may be a typing error), or write the name as the household register prints it.</source>
        <translation>本软件的字体无法打印 {chars}，承诺书和信用报告将无法显示。请对照身份证或营业执照核对该字（可能是输入错误），或按户口簿上的写法填写。</translation>
    </message>
    <message>
        <source>The name is missing; enter it as on the ID card.</source>
        <translation>缺少姓名；请按身份证填写。</translation>
    </message>
    <message>
        <source>A name has at most {n} characters; this one has {m}.</source>
        <translation>名称最多 {n} 个字，这里有 {m} 个。</translation>
    </message>
    <message>
        <source>A person&apos;s name has letters and the middle dot (·) only, not {chars}. Enter the name as on the ID card; put remarks such as (老) in the note.</source>
        <translation>姓名只能由文字和间隔号（·）组成，不能含有 {chars}。请按身份证填写姓名；“(老)”之类的说明请写在备注中。</translation>
    </message>
    <message>
        <source>The middle dot (·) goes between the parts of a name, once, as in 阿卜杜·热合曼.</source>
        <translation>间隔号（·）只能在姓名的两部分之间出现一次，如“阿卜杜·热合曼”。</translation>
    </message>
    <message>
        <source>The name is missing; enter it as on the licence.</source>
        <translation>缺少名称；请按营业执照填写。</translation>
    </message>
    <message>
        <source> Give the reason (代码确认理由) to accept it.</source>
        <translation>如确认无误，请填写代码确认理由。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请填写数字。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is negative; an amount is 0 or more.</source>
        <translation>“{value}”是负数；金额应为 0 或以上。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>Must be at least {n}.</source>
        <translation>不能小于 {n}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 2024-03-15.</source>
        <translation>“{value}”不是日期；请写成 2024-03-15 的形式。</translation>
    </message>
    <message>
        <source>Write 男 or 女.</source>
        <translation>请填写“男”或“女”。</translation>
    </message>
    <message>
        <source>Write one of: {values}.</source>
        <translation>请填写以下之一：{values}。</translation>
    </message>
    <message>
        <source>Required for this category (双公示): the decision document number.</source>
        <translation>此类别（双公示）必须填写决定文书号。</translation>
    </message>
    <message>
        <source>The decision date is missing.</source>
        <translation>缺少决定日期。</translation>
    </message>
    <message>
        <source>The decision date {date} is in the future.</source>
        <translation>决定日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The type is missing and cannot be told from the name; write one of: {values}.</source>
        <translation>缺少类型，且无法从名称判断；请填写以下之一：{values}。</translation>
    </message>
    <message>
        <source>The ID number is missing.</source>
        <translation>缺少身份证号码。</translation>
    </message>
    <message>
        <source>The 15-digit ID number was converted to {n}.</source>
        <translation>15 位身份证号码已转换为 {n}。</translation>
    </message>
    <message>
        <source>The labour force cannot exceed the number of family members.</source>
        <translation>劳动力人数不能超过家庭人口数。</translation>
    </message>
    <message>
        <source>The overdue amount is part of the loan balance and cannot exceed it.</source>
        <translation>逾期金额是贷款余额的一部分，不能超过贷款余额。</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>A township division code has 9 digits (county 6 + township 3), e.g. 510623105.</source>
        <translation>乡镇区划代码为 9 位数字（县 6 位 + 乡镇 3 位），例如 510623105。</translation>
    </message>
    <message>
        <source>Enter the first administrator&apos;s user name.</source>
        <translation>请输入第一位管理员的用户名。</translation>
    </message>
    <message>
        <source>Enter the township&apos;s name.</source>
        <translation>请输入乡镇名称。</translation>
    </message>
    <message>
        <source>County {code}</source>
        <translation>县（{code}）</translation>
    </message>
    <message>
        <source>This data folder already has a register for {name}.</source>
        <translation>此数据文件夹已有{name}的登记册。</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>&apos;{value}&apos; is not an amount of money (e.g. 12000 or 1.2万元).</source>
        <translation>“{value}”不是金额（例如 12000 或 1.2万元）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; has fractions of a fen.</source>
        <translation>“{value}”精确到了分以下。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is negative.</source>
        <translation>“{value}”是负数。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an area in mu (e.g. 3.5).</source>
        <translation>“{value}”不是以亩为单位的面积（例如 3.5）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: give the area to at most two decimals.</source>
        <translation>“{value}”：面积最多保留两位小数。</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Default operator</source>
        <translation>默认操作员</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须给出 %s 之一</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>后面需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>后面至少需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>后面最多只能有一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>后面需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>后面需要 %s 个值</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的值：%(value)r（应为 %(type)s）</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是 %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>已忽略多余的参数 %r</translation>
    </message>
</context>
</TS>
