<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Letters</name>
    <message>
        <source>Attachments need a register saved in a folder.</source>
        <translation>附件需要保存在数据文件夹中的登记库。</translation>
    </message>
    <message>
        <source>The signing time {value} is not a date; write it as 2026-03-15 or 2026-03-15 14:30.</source>
        <translation>签署时间“{value}”不是日期，请写成 2026-03-15 或 2026-03-15 14:30。</translation>
    </message>
    <message>
        <source>The signing time {value} is in the future.</source>
        <translation>签署时间 {value} 晚于今天，请检查。</translation>
    </message>
    <message>
        <source>Enter who collected the signed letter.</source>
        <translation>请填写回收人（谁收回了签字的承诺书）。</translation>
    </message>
    <message>
        <source>be marked signed</source>
        <translation>登记为已签署</translation>
    </message>
    <message>
        <source>Print it first.</source>
        <translation>请先打印。</translation>
    </message>
    <message>
        <source>It is already signed.</source>
        <translation>它已签署。</translation>
    </message>
    <message>
        <source>It is void.</source>
        <translation>它已作废。</translation>
    </message>
    <message>
        <source>Letter {number} is {status} and cannot {what}. {hint}</source>
        <translation>承诺书 {number} 状态为“{status}”，不能{what}。{hint}</translation>
    </message>
    <message>
        <source>take an attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>{name} is not a PDF, PNG, JPEG or TIFF file. Scan or photograph the signed paper again, or save it in one of these formats.</source>
        <translation>{name} 不是 PDF、PNG、JPEG 或 TIFF 文件。请重新扫描或拍照签字件，或另存为这些格式之一。</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB; scan at a lower resolution.</source>
        <translation>{name} 超过 50 MB，请降低扫描分辨率。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>The signature is not a PNG image.</source>
        <translation>签名不是 PNG 图像。</translation>
    </message>
    <message>
        <source>Enter why the letter is void.</source>
        <translation>请填写作废原因。</translation>
    </message>
    <message>
        <source>be voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Letter {number} already has its fulfilment recorded and cannot be voided; correct the credit record instead.</source>
        <translation>承诺书 {number} 已登记履约情况，不能作废；如有错误请更正相应信用记录。</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as 2026-03-15.</source>
        <translation>“{value}”不是日期，请写成 2026-03-15。</translation>
    </message>
    <message>
        <source>Give the reason for the correction (it is kept with the letter).</source>
        <translation>请填写更正原因（原因随承诺书一并保存）。</translation>
    </message>
    <message>
        <source>The correction changes nothing on letter {number}.</source>
        <translation>此更正没有改变承诺书 {number} 的任何内容。</translation>
    </message>
    <message>
        <source>The corrected fulfilment is kept, broken or not assessed yet.</source>
        <translation>更正后的履约情况只能是守约、违约或尚未评定。</translation>
    </message>
    <message>
        <source>Say how the promise was broken (e.g. loan overdue since 2026-03-01).</source>
        <translation>请说明违约情况（例如：贷款自 2026-03-01 起逾期）。</translation>
    </message>
    <message>
        <source>Letter {number} has no fulfilment recorded yet; record it as kept or broken instead of correcting it.</source>
        <translation>承诺书 {number} 尚未登记履约情况；请直接登记守约或违约，而不是更正。</translation>
    </message>
    <message>
        <source>Letter {number} is {status}; only a signed letter&apos;s signing can be corrected.</source>
        <translation>承诺书 {number} 为“{status}”；只有已签署的承诺书才能更正签署信息。</translation>
    </message>
    <message>
        <source>Letter {number} already has its fulfilment recorded; correct that to &apos;not assessed&apos; first.</source>
        <translation>承诺书 {number} 已登记履约情况；请先把履约更正为“尚未评定”。</translation>
    </message>
    <message>
        <source>fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Letter {number} is {status}; only a signed letter can be kept or broken.</source>
        <translation>承诺书 {number} 状态为“{status}”，只有已签署的承诺书才能登记履约或违约。</translation>
    </message>
    <message>
        <source>Letter {number} is already marked {outcome}.</source>
        <translation>承诺书 {number} 已登记为“{outcome}”。</translation>
    </message>
    <message>
        <source>Broken commitment: {title}</source>
        <translation>违反信用承诺：{title}</translation>
    </message>
    <message>
        <source>Broke commitment letter {number}: {note}</source>
        <translation>违反信用承诺书 {number}：{note}</translation>
    </message>
    <message>
        <source>Committing organization (stamp):</source>
        <translation>承诺单位（盖章）：</translation>
    </message>
    <message>
        <source>Legal representative (signature):</source>
        <translation>法定代表人（签字）：</translation>
    </message>
    <message>
        <source>Stamp here</source>
        <translation>盖章处</translation>
    </message>
    <message>
        <source>Committer (signature):</source>
        <translation>承诺人（签字）：</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>按手印</translation>
    </message>
    <message>
        <source>    year    month    day</source>
        <translation>&#x3000;&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日</translation>
    </message>
    <message>
        <source>Committer</source>
        <translation>承诺人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>所在村组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Consent to the use of personal information</source>
        <translation>个人信息采集使用授权</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>编号：{number}</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>printed, not yet signed</source>
        <translation>已打印，待签署</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已履约</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>No such letter; check the number or scan it again.</source>
        <translation>没有这份承诺书，请核对编号或重新扫码。</translation>
    </message>
    <message>
        <source>No letter has the number or code {text}.</source>
        <translation>没有编号或二维码为“{text}”的承诺书。</translation>
    </message>
    <message>
        <source>No such household or organization; it may have been deleted.</source>
        <translation>没有这个农户或经营主体，可能已被删除。</translation>
    </message>
    <message>
        <source>The template {template} is for {kind} only; {name} is not one. Choose another template.</source>
        <translation>模板 {template} 只适用于{kind}，“{name}”不是。请选择其他模板。</translation>
    </message>
    <message>
        <source>households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>新型农业经营主体</translation>
    </message>
    <message>
        <source>A credit repair commitment letter belongs to a repair application: record the application first (Credit records → Repairs), then print the letter from it.</source>
        <translation>信用修复承诺书须对应一份信用修复申请：请先登记修复申请（信用记录 → 信用修复），再从申请中打印承诺书。</translation>
    </message>
    <message>
        <source>There is nobody to print a letter for here.</source>
        <translation>这里没有需要打印承诺书的对象。</translation>
    </message>
    <message>
        <source>the letter for {name}</source>
        <translation>{name} 的承诺书</translation>
    </message>
    <message>
        <source>Every letter here is already signed; nothing to print.</source>
        <translation>这里的承诺书都已签署，没有需要打印的。</translation>
    </message>
    <message>
        <source>letter {number} ({name})</source>
        <translation>承诺书 {number}（{name}）</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>没有可打印的承诺书。</translation>
    </message>
    <message>
        <source>Commitment letters</source>
        <translation>信用承诺书</translation>
    </message>
    <message>
        <source>Printing letters</source>
        <translation>正在打印承诺书</translation>
    </message>
    <message>
        <source>Writing the PDF</source>
        <translation>正在写入 PDF</translation>
    </message>
    <message>
        <source>Letter {number} cannot be reproduced: its stored text does not match.</source>
        <translation>承诺书 {number} 无法重现：保存的文本校验不符。</translation>
    </message>
    <message>
        <source>committer: head of household or organization name</source>
        <translation>承诺人：户主姓名或单位名称</translation>
    </message>
    <message>
        <source>what the number is: ID number or USCC</source>
        <translation>号码名称：身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number of the head, or the organization&apos;s USCC</source>
        <translation>户主身份证号码或单位统一社会信用代码</translation>
    </message>
    <message>
        <source>legal representative (organizations)</source>
        <translation>法定代表人（单位）</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住址</translation>
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
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>the township credit office that issues the letter</source>
        <translation>出具承诺书的乡镇信用工作办公室</translation>
    </message>
    <message>
        <source>how the committer names itself: 本人 (a person) or 本单位 (an organization)</source>
        <translation>承诺人自称：个人为“本人”，单位为“本单位”</translation>
    </message>
    <message>
        <source>the purpose stated in the template</source>
        <translation>模板中写明的用途</translation>
    </message>
    <message>
        <source>year the letter was issued</source>
        <translation>出具年份</translation>
    </message>
    <message>
        <source>date the letter was issued</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>the letter&apos;s number</source>
        <translation>承诺书编号</translation>
    </message>
    <message>
        <source>Farmer&apos;s credit commitment</source>
        <translation>农户信用承诺</translation>
    </message>
    <message>
        <source>Approval replacement</source>
        <translation>审批替代型</translation>
    </message>
    <message>
        <source>Accept with missing documents</source>
        <translation>容缺受理型</translation>
    </message>
    <message>
        <source>Voluntary public commitment</source>
        <translation>主动公示型</translation>
    </message>
    <message>
        <source>Industry self-discipline</source>
        <translation>行业自律型</translation>
    </message>
    <message>
        <source>Credit repair</source>
        <translation>信用修复型</translation>
    </message>
    <message>
        <source>The template&apos;s {field} uses the unknown placeholder(s) {names}. Use only: {known}.</source>
        <translation>模板的{field}使用了未知占位符 {names}。只能使用：{known}。</translation>
    </message>
    <message>
        <source>The template&apos;s {field} has an unmatched brace {{ or }}.</source>
        <translation>模板的{field}中有不成对的花括号 {{ 或 }}。</translation>
    </message>
    <message>
        <source>The template needs a {field}.</source>
        <translation>模板必须有{field}。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>personal-information consent</source>
        <translation>个人信息授权</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>No letter template named {name}. Templates: {names}.</source>
        <translation>没有名为 {name} 的承诺书模板。现有模板：{names}。</translation>
    </message>
    <message>
        <source>No such letter template version.</source>
        <translation>没有这个模板版本。</translation>
    </message>
    <message>
        <source>the template</source>
        <translation>该模板</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>LettersCLI</name>
    <message>
        <source>commitment letters: print, collect, fulfil</source>
        <translation>信用承诺书：打印、回收、履约</translation>
    </message>
    <message>
        <source>print letters into one PDF</source>
        <translation>把承诺书打印成一个 PDF</translation>
    </message>
    <message>
        <source>every household (or organization) of this village (name or 12-digit code)</source>
        <translation>该村（村名或 12 位代码）的每户农户（或经营主体）</translation>
    </message>
    <message>
        <source>every household of this village group (e.g. 新华村/一组)</source>
        <translation>该村民小组的每户农户（例如 新华村/一组）</translation>
    </message>
    <message>
        <source>a household or organization id (repeatable)</source>
        <translation>农户或经营主体的编号（可重复）</translation>
    </message>
    <message>
        <source>template name (default farmer-credit for households, voluntary-public for organizations)</source>
        <translation>模板名称（农户默认 farmer-credit，经营主体默认 voluntary-public）</translation>
    </message>
    <message>
        <source>only letters not yet signed</source>
        <translation>只打印尚未签署的承诺书</translation>
    </message>
    <message>
        <source>list letter templates</source>
        <translation>列出承诺书模板</translation>
    </message>
    <message>
        <source>list letters</source>
        <translation>列出承诺书</translation>
    </message>
    <message>
        <source>name or 12-digit code</source>
        <translation>村名或 12 位代码</translation>
    </message>
    <message>
        <source>only letters printed but not yet signed</source>
        <translation>只列已打印、尚未签署的承诺书</translation>
    </message>
    <message>
        <source>record a letter as signed</source>
        <translation>登记承诺书已签署</translation>
    </message>
    <message>
        <source>letter number or id</source>
        <translation>承诺书编号或二维码内容</translation>
    </message>
    <message>
        <source>who collected the signed paper</source>
        <translation>回收人</translation>
    </message>
    <message>
        <source>where it was signed</source>
        <translation>签署地点</translation>
    </message>
    <message>
        <source>when (YYYY-MM-DD[THH:MM]); default now</source>
        <translation>签署时间（YYYY-MM-DD[THH:MM]），默认现在</translation>
    </message>
    <message>
        <source>scan or photo of the signed paper</source>
        <translation>签字件的扫描件或照片</translation>
    </message>
    <message>
        <source>void a letter (it stays on file)</source>
        <translation>作废承诺书（仍保留存档）</translation>
    </message>
    <message>
        <source>record whether a promise was kept</source>
        <translation>登记是否履约</translation>
    </message>
    <message>
        <source>correct a recorded fulfilment or signing, with a reason (the original is kept)</source>
        <translation>更正已登记的履约或签署信息，须写明原因（原记录保留）</translation>
    </message>
    <message>
        <source>why it is corrected</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>fulfilment was recorded by mistake</source>
        <translation>履约情况系误录</translation>
    </message>
    <message>
        <source>the letter was not signed after all</source>
        <translation>承诺书实际未签署</translation>
    </message>
    <message>
        <source>corrected fulfilment date</source>
        <translation>更正后的履约日期</translation>
    </message>
    <message>
        <source>a letter&apos;s corrections: before, after, reason, who and when</source>
        <translation>承诺书的更正记录：更正前、更正后、原因、经办人和时间</translation>
    </message>
    <message>
        <source>print a letter again exactly as it was printed</source>
        <translation>按原样重新打印一份承诺书</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行 “credit-desk demo”，或启动程序新建登记册。</translation>
    </message>
    <message>
        <source>{count} letters ({new} new) on {pages} pages: {path}</source>
        <translation>共 {count} 份承诺书（新建 {new} 份），{pages} 页：{path}</translation>
    </message>
    <message>
        <source>{count} letter(s) left out:</source>
        <translation>有 {count} 份承诺书未打印：</translation>
    </message>
    <message>
        <source>{n} letters</source>
        <translation>共 {n} 份承诺书</translation>
    </message>
    <message>
        <source>Letter {number} recorded as signed.</source>
        <translation>承诺书 {number} 已登记为已签署。</translation>
    </message>
    <message>
        <source>Letter {number} is void.</source>
        <translation>承诺书 {number} 已作废。</translation>
    </message>
    <message>
        <source>Letter {number}: fulfilment recorded.</source>
        <translation>承诺书 {number}：已登记履约情况。</translation>
    </message>
    <message>
        <source>Correct the fulfilment or the signing, one at a time.</source>
        <translation>履约和签署信息请分别更正，一次一项。</translation>
    </message>
    <message>
        <source>Say what to correct: --kept, --broken or --not-assessed for the fulfilment; --collector, --place, --signed-at or --unsign for the signing.</source>
        <translation>请说明更正什么：履约用 --kept、--broken 或 --not-assessed；签署信息用 --collector、--place、--signed-at 或 --unsign。</translation>
    </message>
    <message>
        <source>Letter {number} corrected; the values before are kept (&apos;letters corrections {number}&apos;).</source>
        <translation>承诺书 {number} 已更正；更正前的内容已保留（credit-desk letters corrections {number}）。</translation>
    </message>
    <message>
        <source>No correction was made to this letter.</source>
        <translation>这份承诺书没有更正记录。</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Record letter {number} as signed</source>
        <translation>登记承诺书 {number} 已签署</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>回收人</translation>
    </message>
    <message>
        <source>Signed at (place)</source>
        <translation>签署地点</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Signature for letter {number}</source>
        <translation>承诺书 {number} 的签名</translation>
    </message>
    <message>
        <source>{name}: sign below with the mouse, a pen or a finger.</source>
        <translation>{name}：请用鼠标、手写笔或手指在下面签名。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Nothing is signed yet.</source>
        <translation>还没有签名。</translation>
    </message>
    <message>
        <source>Correct letter {number}</source>
        <translation>更正承诺书 {number}</translation>
    </message>
    <message>
        <source>What was recorded is kept with the letter; the correction and its reason are added.</source>
        <translation>原登记内容随承诺书保留，另记更正内容和原因。</translation>
    </message>
    <message>
        <source>The promise was kept</source>
        <translation>守约</translation>
    </message>
    <message>
        <source>The promise was broken</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>Fulfilment not assessed yet</source>
        <translation>尚未评定履约</translation>
    </message>
    <message>
        <source>Who collected it, where or when it was signed</source>
        <translation>回收人、签署地点或时间</translation>
    </message>
    <message>
        <source>It was not signed</source>
        <translation>实际未签署</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>How it was broken</source>
        <translation>违约情况</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Print and collect</source>
        <translation>打印与回收</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>各村情况</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Only letters still out</source>
        <translation>只看待回收</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>直接打印…</translation>
    </message>
    <message>
        <source>Print selected…</source>
        <translation>打印选中的…</translation>
    </message>
    <message>
        <source>Skip signed letters</source>
        <translation>跳过已签署的</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan the QR code or type a letter number, then Enter</source>
        <translation>扫描二维码或输入承诺书编号，按回车</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Select a letter.</source>
        <translation>请选择一份承诺书。</translation>
    </message>
    <message>
        <source>Signed…</source>
        <translation>登记签署…</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>添加扫描件…</translation>
    </message>
    <message>
        <source>Sign on screen…</source>
        <translation>屏幕签名…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>Broken…</source>
        <translation>违约…</translation>
    </message>
    <message>
        <source>Copy as printed…</source>
        <translation>按原样导出…</translation>
    </message>
    <message>
        <source>Not attached to a repair application.</source>
        <translation>尚未关联修复申请。</translation>
    </message>
    <message>
        <source>For the repair of: {title} (applied {day})</source>
        <translation>用于修复：{title}（{day}申请）</translation>
    </message>
    <message>
        <source>Letters per village: still out in the village, signed, kept, broken.</source>
        <translation>各村承诺书：待回收、已签署、履约、违约情况。双击一行查看该村待回收的承诺书。</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Still out</source>
        <translation>待回收</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Placeholders:</source>
        <translation>可用占位符：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>个人信息授权</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>whole village</source>
        <translation>全村</translation>
    </message>
    <message>
        <source>{n} letters</source>
        <translation>共 {n} 份承诺书</translation>
    </message>
    <message>
        <source> (first {n} shown)</source>
        <translation>（只显示前 {n} 份）</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Signed {when} at {place}, collected by {who}</source>
        <translation>{when} 在{place}签署，回收人 {who}</translation>
    </message>
    <message>
        <source>Fulfilment: {outcome} ({day}) {note}</source>
        <translation>履约情况：{outcome}（{day}）{note}</translation>
    </message>
    <message>
        <source>Void: {reason}</source>
        <translation>作废原因：{reason}</translation>
    </message>
    <message>
        <source>Corrected {what} on {when} by {who}: {reason}</source>
        <translation>{when} 由 {who} 更正{what}：{reason}</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Scan or photo of the signed letter</source>
        <translation>签字承诺书的扫描件或照片</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件和照片 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Void letter {number}</source>
        <translation>作废承诺书 {number}</translation>
    </message>
    <message>
        <source>Why is the letter void? (It stays on file.)</source>
        <translation>作废原因（承诺书仍保留存档）：</translation>
    </message>
    <message>
        <source>Promise broken</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>How was the promise broken? A negative credit record is made for {name}.</source>
        <translation>违约情况（将为 {name} 记入一条失信信用记录）：</translation>
    </message>
    <message>
        <source>Save the letter as printed</source>
        <translation>按原样保存承诺书</translation>
    </message>
    <message>
        <source>Save letters as PDF</source>
        <translation>把承诺书保存为 PDF</translation>
    </message>
    <message>
        <source>Left out ({count}):</source>
        <translation>未打印（{count} 份）：</translation>
    </message>
    <message>
        <source>Letters printed</source>
        <translation>承诺书已打印</translation>
    </message>
    <message>
        <source>{count} letters ({new} new) on {pages} pages:
{path}</source>
        <translation>共 {count} 份承诺书（新建 {new} 份），{pages} 页：
{path}</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Select letters in the list first.</source>
        <translation>请先在列表中选择承诺书。</translation>
    </message>
    <message>
        <source>{name}, version {version}. Saving makes version {next}; letters already printed keep their version.</source>
        <translation>{name} 第 {version} 版。保存后成为第 {next} 版；已打印的承诺书保持原版本不变。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Committer</source>
        <translation>承诺人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
</context>
</TS>
