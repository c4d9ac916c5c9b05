<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RecordFields</name>
    <message>
        <source>Counterpart name</source>
        <translation>行政相对人名称</translation>
    </message>
    <message>
        <source>Counterpart USCC or ID number</source>
        <translation>行政相对人代码（统一社会信用代码或身份证号）</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Violation facts</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>处罚依据</translation>
    </message>
    <message>
        <source>Penalty kind</source>
        <translation>处罚类别</translation>
    </message>
    <message>
        <source>Fine or confiscation (yuan)</source>
        <translation>罚没金额（元）</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Deciding authority</source>
        <translation>决定机关</translation>
    </message>
    <message>
        <source>Deciding authority&apos;s USCC</source>
        <translation>决定机关统一社会信用代码</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源单位</translation>
    </message>
    <message>
        <source>Licence name</source>
        <translation>许可证书名称</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>许可编号</translation>
    </message>
    <message>
        <source>Licence kind</source>
        <translation>许可类别</translation>
    </message>
    <message>
        <source>Licence content</source>
        <translation>许可内容</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Polarity</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Source department</source>
        <translation>来源单位</translation>
    </message>
    <message>
        <source>Decision document number</source>
        <translation>决定文书号</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Publicity period (months)</source>
        <translation>公示期限（月）</translation>
    </message>
    <message>
        <source>Publicity end date</source>
        <translation>公示截止日期</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <source>ID number or USCC</source>
        <translation>身份证号或统一社会信用代码</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>列入依据</translation>
    </message>
    <message>
        <source>Deciding body</source>
        <translation>认定单位</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Removed on</source>
        <translation>移出日期</translation>
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
        <source>Choose red list, black list or court-judgment defaulter.</source>
        <translation>请选择红名单、黑名单或失信被执行人。</translation>
    </message>
    <message>
        <source>Enter the 18-character ID number or unified social credit code.</source>
        <translation>请输入18位身份证号或统一社会信用代码。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请输入名称或姓名。</translation>
    </message>
    <message>
        <source>Enter the basis: the decision or judgment that put the subject on the list.</source>
        <translation>请输入列入依据：认定文书或判决。</translation>
    </message>
    <message>
        <source>Enter the deciding body.</source>
        <translation>请输入认定单位。</translation>
    </message>
    <message>
        <source>The end date is before the listing date.</source>
        <translation>有效期截止日早于列入日期。</translation>
    </message>
    <message>
        <source>Put on the {list}: {basis}</source>
        <translation>列入{list}：{basis}</translation>
    </message>
    <message>
        <source>Enter why the entry is removed from the list.</source>
        <translation>请输入移出名单的原因。</translation>
    </message>
    <message>
        <source>This entry was already removed on {day}.</source>
        <translation>该名单条目已于 {day} 移出。</translation>
    </message>
    <message>
        <source>Removed: {reason}</source>
        <translation>移出原因：{reason}</translation>
    </message>
    <message>
        <source>Enter who raises the objection.</source>
        <translation>请输入异议申请人。</translation>
    </message>
    <message>
        <source>Enter the grounds of the objection.</source>
        <translation>请输入异议理由。</translation>
    </message>
    <message>
        <source>raise an objection</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Choose corrected, revoked or upheld.</source>
        <translation>请选择更正、撤销或维持。</translation>
    </message>
    <message>
        <source>Enter the reasons for the outcome.</source>
        <translation>请输入处理理由。</translation>
    </message>
    <message>
        <source>Enter what is corrected in the record.</source>
        <translation>请输入对记录更正的内容。</translation>
    </message>
    <message>
        <source>These fields cannot be corrected here: {fields}.</source>
        <translation>以下字段不能在此更正：{fields}。</translation>
    </message>
    <message>
        <source>This objection was already answered.</source>
        <translation>该异议已处理完毕。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持原记录</translation>
    </message>
    <message>
        <source>Overdue by {n} days</source>
        <translation>已超期 {n} 天</translation>
    </message>
    <message>
        <source>Due in {n} days</source>
        <translation>{n} 天后到期</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>剩余 {n} 天</translation>
    </message>
    <message>
        <source>No objection with id {id}.</source>
        <translation>找不到编号为 {id} 的异议。</translation>
    </message>
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
        <source>Required for this category (双公示).</source>
        <translation>此类别（双公示）必填。</translation>
    </message>
    <message>
        <source>A {severity} record is public for {low} to {high} months.</source>
        <translation>{severity}失信记录的公示期为 {low} 至 {high} 个月。</translation>
    </message>
    <message>
        <source>Choose the household or organization the record is about.</source>
        <translation>请选择该记录所属的农户或经营主体。</translation>
    </message>
    <message>
        <source>Choose a category of the credit information catalogue.</source>
        <translation>请选择公共信用信息目录中的类别。</translation>
    </message>
    <message>
        <source>Choose positive, negative or neutral.</source>
        <translation>请选择守信、失信或基础信息。</translation>
    </message>
    <message>
        <source>A negative record needs a severity: minor, general or serious.</source>
        <translation>失信记录须选择严重程度：轻微、一般或严重。</translation>
    </message>
    <message>
        <source>Enter a short title.</source>
        <translation>请输入记录标题。</translation>
    </message>
    <message>
        <source>The decision date is in the future.</source>
        <translation>决定日期晚于今天。</translation>
    </message>
    <message>
        <source>New negative credit record: {title}</source>
        <translation>新增失信记录：{title}</translation>
    </message>
    <message>
        <source>No credit record with id {id}.</source>
        <translation>找不到编号为 {id} 的信用记录。</translation>
    </message>
    <message>
        <source>Cannot {action}: the record is {status}.</source>
        <translation>无法{action}：该记录当前状态为“{status}”。</translation>
    </message>
    <message>
        <source>Enter who applies for the repair.</source>
        <translation>请输入修复申请人。</translation>
    </message>
    <message>
        <source>Enter the evidence that the obligations were met (e.g. the payment receipt number).</source>
        <translation>请输入已履行义务的证明材料（例如缴款票据号）。</translation>
    </message>
    <message>
        <source>Enter the repair commitment the applicant signed (信用修复承诺书).</source>
        <translation>请输入申请人签署的信用修复承诺书内容。</translation>
    </message>
    <message>
        <source>Only a negative record can be repaired.</source>
        <translation>只有失信（不良）记录才能申请信用修复。</translation>
    </message>
    <message>
        <source>apply for repair</source>
        <translation>申请信用修复</translation>
    </message>
    <message>
        <source>A repair application for this record is already waiting for a decision.</source>
        <translation>该记录已有一份修复申请正在等待审核。</translation>
    </message>
    <message>
        <source>Enter the reasons for the decision.</source>
        <translation>请输入审核理由。</translation>
    </message>
    <message>
        <source>This application was already decided.</source>
        <translation>该申请已审核完毕。</translation>
    </message>
    <message>
        <source>approve repair</source>
        <translation>批准信用修复</translation>
    </message>
    <message>
        <source>A {severity} record can be repaired from {day} (minimum publicity period of the credit policy).</source>
        <translation>{severity}失信记录自 {day} 起可以修复（信用信息政策规定的最短公示期）。</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>No repair application with id {id}.</source>
        <translation>找不到编号为 {id} 的修复申请。</translation>
    </message>
    <message>
        <source>No household or organization with id {id}.</source>
        <translation>找不到编号为 {id} 的农户或经营主体。</translation>
    </message>
    <message>
        <source>No registered household or organization matches {text}. Type the head of household&apos;s ID number, the organization&apos;s unified social credit code, or a credit record id.</source>
        <translation>登记册中没有与 {text} 对应的农户或经营主体。请输入户主身份证号、经营主体的统一社会信用代码或信用记录编号。</translation>
    </message>
</context>
</TS>
