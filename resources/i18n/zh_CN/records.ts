<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerObjectionDialog</name>
    <message>
        <source>Answer an objection</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>only when corrected</source>
        <translation>仅在更正时填写</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Corrected title</source>
        <translation>更正后的标题</translation>
    </message>
    <message>
        <source>Corrected content</source>
        <translation>更正后的内容</translation>
    </message>
</context>
<context>
    <name>DecideRepairDialog</name>
    <message>
        <source>Approve repair</source>
        <translation>批准信用修复</translation>
    </message>
    <message>
        <source>Reject repair</source>
        <translation>驳回信用修复</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ListEntryDialog</name>
    <message>
        <source>Put on a list</source>
        <translation>列入名单</translation>
    </message>
    <message>
        <source>18-character ID number or USCC</source>
        <translation>18位身份证号或统一社会信用代码</translation>
    </message>
    <message>
        <source>filled from the register if registered</source>
        <translation>已登记的主体自动填写</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if open-ended</source>
        <translation>年-月-日，长期有效则留空</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>ID number or USCC</source>
        <translation>身份证号/统一社会信用代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称/姓名</translation>
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
        <source>Document number</source>
        <translation>文书号</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>All lists</source>
        <translation>全部名单</translation>
    </message>
    <message>
        <source>Name, number or basis</source>
        <translation>名称、号码或依据</translation>
    </message>
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
        <translation>身份证号/统一社会信用代码</translation>
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
        <source>Deciding body</source>
        <translation>认定单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县级下发</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>本乡镇</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>列入依据</translation>
    </message>
    <message>
        <source>Put on a list…</source>
        <translation>列入名单…</translation>
    </message>
    <message>
        <source>Remove from list…</source>
        <translation>移出名单…</translation>
    </message>
    <message>
        <source>Measures: {measures}</source>
        <translation>联合奖惩措施：{measures}</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>请先选择一条名单记录。</translation>
    </message>
</context>
<context>
    <name>LookupBar</name>
    <message>
        <source>Type an ID number or USCC to see list status</source>
        <translation>输入身份证号或统一社会信用代码，立即显示名单情况</translation>
    </message>
    <message>
        <source>Purpose of looking at the credit information (recorded in the query log)</source>
        <translation>查看信用信息的用途（记入查询使用登记）</translation>
    </message>
    <message>
        <source>View credit detail</source>
        <translation>查看信用详情</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Choose the purpose first: every look at a subject&apos;s credit information is recorded with its purpose.</source>
        <translation>请先选择用途：每次查看信用信息都会连同用途一起登记。</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Record a measure applied</source>
        <translation>登记联合奖惩措施实施情况</translation>
    </message>
    <message>
        <source>legal representative of {organization}</source>
        <translation>{organization}的法定代表人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>e.g. 2026年耕地地力保护补贴发放</source>
        <translation>如 2026年耕地地力保护补贴发放</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>实施日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Objection to a record</source>
        <translation>对信用记录提出异议</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>异议申请人</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
</context>
<context>
    <name>ObjectionsTab</name>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Select an open objection first.</source>
        <translation>请先选择一条处理中的异议。</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Days to answer an objection</source>
        <translation>异议答复期限（日）</translation>
    </message>
    <message>
        <source>Objection days counted as</source>
        <translation>异议期限计算方式</translation>
    </message>
    <message>
        <source>Warn when this many days are left</source>
        <translation>剩余天数提醒</translation>
    </message>
    <message>
        <source>Publicity of a minor record, months</source>
        <translation>轻微失信记录公示期（月）</translation>
    </message>
    <message>
        <source>Publicity of a general record, months</source>
        <translation>一般失信记录公示期（月）</translation>
    </message>
    <message>
        <source>Publicity of a serious record, months</source>
        <translation>严重失信记录公示期（月）</translation>
    </message>
    <message>
        <source>Minor record repairable after, months</source>
        <translation>轻微失信记录最短公示后可修复（月）</translation>
    </message>
    <message>
        <source>General record repairable after, months</source>
        <translation>一般失信记录最短公示后可修复（月）</translation>
    </message>
    <message>
        <source>Serious record repairable after, months</source>
        <translation>严重失信记录最短公示后可修复（月）</translation>
    </message>
    <message>
        <source>Credit report valid for, days</source>
        <translation>信用报告有效期（日）</translation>
    </message>
    <message>
        <source>Upload within, days (及时率)</source>
        <translation>上报时限（日，及时率）</translation>
    </message>
    <message>
        <source>Upload days counted as</source>
        <translation>上报时限计算方式</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>county {version}, from {date}</source>
        <translation>县级 {version}，{date} 起施行</translation>
    </message>
    <message>
        <source>local {version}</source>
        <translation>本地 {version}</translation>
    </message>
    <message>
        <source>local edit {number}</source>
        <translation>本地修改第 {number} 版</translation>
    </message>
    <message>
        <source>rating scheme {version}</source>
        <translation>评价指标体系 {version}</translation>
    </message>
    <message>
        <source>set before versions were kept</source>
        <translation>记录版本之前设定</translation>
    </message>
    <message>
        <source>shipped {version}</source>
        <translation>随软件提供 {version}</translation>
    </message>
    <message>
        <source>county {version}</source>
        <translation>县级 {version}</translation>
    </message>
    <message>
        <source>{who} went back to the shipped policy</source>
        <translation>{who} 恢复为随软件提供的政策</translation>
    </message>
    <message>
        <source>{who} edited the local policy</source>
        <translation>{who} 修改了本地政策</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>takes effect later</source>
        <translation>尚未施行</translation>
    </message>
    <message>
        <source>base (values the county did not change)</source>
        <translation>基础（县里未改动的值）</translation>
    </message>
    <message>
        <source>objection answer due</source>
        <translation>异议答复期限</translation>
    </message>
    <message>
        <source>earliest repair</source>
        <translation>最早可修复日</translation>
    </message>
    <message>
        <source>rating notice ends</source>
        <translation>评定公示截止</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <source>Setting</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>What it changes</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Subject or village</source>
        <translation>主体或村</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>设定日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Runs under</source>
        <translation>适用版本</translation>
    </message>
    <message>
        <source>Values in force</source>
        <translation>现行取值</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Open deadlines keep the version they were set under</source>
        <translation>未到期的期限按设定时的版本执行</translation>
    </message>
    <message>
        <source>Credit policy in force: {version}.</source>
        <translation>现行信用信息政策：{version}。</translation>
    </message>
    <message>
        <source>Open deadlines by version: {counts}</source>
        <translation>各版本下未到期的期限：{counts}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>QueryLogTab</name>
    <message>
        <source>Name, operator, purpose or detail</source>
        <translation>姓名、经办人、用途或详情</translation>
    </message>
    <message>
        <source>All uses</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>起始日期 年-月-日</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>截止日期 年-月-日</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>加载更早的登记</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New credit record</source>
        <translation>新增信用记录</translation>
    </message>
    <message>
        <source>ID number of the head of household or USCC</source>
        <translation>户主身份证号或统一社会信用代码</translation>
    </message>
    <message>
        <source>default for the severity</source>
        <translation>按严重程度默认</translation>
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
        <source>Publicity (months)</source>
        <translation>公示期限（月）</translation>
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
</context>
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
        <source>The objection is dated {filed}, before the record it disputes was decided ({decided}). Check the date of the objection.</source>
        <translation>异议日期为{filed}，早于所异议记录的决定日期（{decided}）。请核对异议日期。</translation>
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
        <source>A negative record needs a severity: minor, general or serious.</source>
        <translation>失信记录须选择严重程度：轻微、一般或严重。</translation>
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
        <source>The repair application is dated {applied}, before the record it repairs was decided ({decided}). Check the date of the application.</source>
        <translation>修复申请日期为{applied}，早于所修复记录的决定日期（{decided}）。请核对申请日期。</translation>
    </message>
    <message>
        <source>The repair application is dated {applied}, after the record&apos;s publicity ended ({end}): the record is no longer published, so there is nothing to repair.</source>
        <translation>修复申请日期为{applied}，晚于该记录的公示截止日期（{end}）：该记录已停止公示，无需修复。</translation>
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
        <source>Letter {number} is a {kind} letter; only a credit repair commitment letter (信用修复承诺书) belongs to a repair.</source>
        <translation>承诺书{number}是{kind}承诺书；只有信用修复承诺书才能关联到修复申请。</translation>
    </message>
    <message>
        <source>Letter {number} was made for someone else, not for the subject of this record.</source>
        <translation>承诺书{number}是为他人制作的，不是本记录的信用主体。</translation>
    </message>
    <message>
        <source>Letter {number} is void.</source>
        <translation>承诺书{number}已作废。</translation>
    </message>
    <message>
        <source>Letter {number} already belongs to another repair application.</source>
        <translation>承诺书{number}已关联到另一份修复申请。</translation>
    </message>
    <message>
        <source>There is no credit repair letter template. Add one under Letters → Templates.</source>
        <translation>没有信用修复承诺书模板。请在“承诺书 → 模板”中添加。</translation>
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
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>实施日期</translation>
    </message>
    <message>
        <source>{day} is in the future: record a measure once it was applied.</source>
        <translation>{day}是将来的日期：措施实施后再登记。</translation>
    </message>
    <message>
        <source>Enter the whole 18-character ID number or unified social credit code.</source>
        <translation>请输入完整的18位身份证号码或统一社会信用代码。</translation>
    </message>
    <message>
        <source>{number} is on no red or black list on {day}: no joint reward or punishment measure applies.</source>
        <translation>{number}在{day}未列入红黑名单：不适用联合奖惩措施。</translation>
    </message>
    <message>
        <source>Choose one of the measures its lists imply: {measures}.</source>
        <translation>请从其所列名单对应的措施中选择：{measures}。</translation>
    </message>
    <message>
        <source>Enter the matter in which the measure was applied (e.g. 2026年耕地地力保护补贴发放).</source>
        <translation>请填写实施该措施的事项（如 2026年耕地地力保护补贴发放）。</translation>
    </message>
    <message>
        <source>as legal representative of {organization}</source>
        <translation>作为{organization}的法定代表人</translation>
    </message>
</context>
<context>
    <name>RecordsCLI</name>
    <message>
        <source>print a credit report (PDF)</source>
        <translation>出具信用报告（PDF）</translation>
    </message>
    <message>
        <source>ID number of the head of household, USCC, or credit record id</source>
        <translation>户主身份证号、统一社会信用代码或信用记录编号</translation>
    </message>
    <message>
        <source>what the report is for, e.g. 贷款审批 (logged; decides masking)</source>
        <translation>报告用途，例如 贷款审批（记入查询使用登记，并决定是否脱敏）</translation>
    </message>
    <message>
        <source>who asked for the report (default: the subject)</source>
        <translation>报告申请人（默认为信用主体本人）</translation>
    </message>
    <message>
        <source>the organisation the requester asks for (e.g. a bank)</source>
        <translation>查询人所代表的单位（例如某银行）</translation>
    </message>
    <message>
        <source>say whether a printed credit report is genuine and current</source>
        <translation>核验纸质信用报告是否真实、是否仍然有效</translation>
    </message>
    <message>
        <source>folder to write the PDF to (named by the report number), or a PDF file</source>
        <translation>保存报告的文件夹（文件以报告编号命名），或一个 PDF 文件名</translation>
    </message>
    <message>
        <source>the text of the report&apos;s QR code, its verification code or the report number</source>
        <translation>报告二维码的内容、核验码或报告编号</translation>
    </message>
    <message>
        <source>read the QR code from a photo or scan of the report</source>
        <translation>从报告的照片或扫描图中读取二维码</translation>
    </message>
    <message>
        <source>also check that this PDF file is exactly the one issued</source>
        <translation>同时核对该 PDF 文件与出具时是否完全一致</translation>
    </message>
    <message>
        <source>also trust this township public key (base64), or the keys listed in this file (one &quot;name key&quot; a line)</source>
        <translation>同时信任此乡镇公钥（base64），或此文件中列出的公钥（每行“名称 公钥”）</translation>
    </message>
    <message>
        <source>check only the QR code&apos;s signature, without the register (a bank)</source>
        <translation>只核验二维码签名，不需要登记库（供银行使用）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 输出</translation>
    </message>
    <message>
        <source>write the offline HTML page that checks a report&apos;s QR code (for banks)</source>
        <translation>生成离线核验网页，用于核验报告二维码（供银行使用）</translation>
    </message>
    <message>
        <source>also trust this township public key (base64), or the keys in this file</source>
        <translation>同时信任此乡镇公钥（base64），或此文件中的公钥</translation>
    </message>
    <message>
        <source>show or set the issuing office printed on every letter, report and notice</source>
        <translation>查看或设置印在每份承诺书、报告和公示上的出具单位名称</translation>
    </message>
    <message>
        <source>search the query and use log (who viewed, printed or exported what)</source>
        <translation>查询“查询使用登记”（谁查看、打印或导出了什么）</translation>
    </message>
    <message>
        <source>ID number, USCC or record id of a subject</source>
        <translation>信用主体的身份证号、统一社会信用代码或记录编号</translation>
    </message>
    <message>
        <source>view, report, export, verify ...</source>
        <translation>view（查看）、report（报告）、export（导出）、verify（核验）等</translation>
    </message>
    <message>
        <source>words in purpose, detail or names</source>
        <translation>用途、详情或姓名中的文字</translation>
    </message>
    <message>
        <source>show or replace the credit policy (periods, deadlines, measures, masking)</source>
        <translation>查看或替换信用信息政策（公示期限、异议期限、联合奖惩措施、脱敏规则）</translation>
    </message>
    <message>
        <source>check this TOML file and make it the register&apos;s policy</source>
        <translation>校验该 TOML 文件并作为本登记册的政策</translation>
    </message>
    <message>
        <source>go back to the shipped policy</source>
        <translation>恢复随软件提供的政策</translation>
    </message>
    <message>
        <source>There is no register in {path}. Create one first (e.g. credit-desk demo).</source>
        <translation>{path} 中没有登记册。请先创建（例如 credit-desk demo）。</translation>
    </message>
    <message>
        <source>Credit report {number} for {name} ({masked}) written to {path}. Verification code: {code}; valid until {until}.</source>
        <translation>已出具 {name}（{masked}）的信用报告 {number}，保存到 {path}。核验码：{code}；有效期至 {until}。</translation>
    </message>
    <message>
        <source>Give the QR code&apos;s text, the verification code, or --scan IMAGE.</source>
        <translation>请提供二维码内容、核验码，或用 --scan 指定图片。</translation>
    </message>
    <message>
        <source>Verifier page written to {path}. Open it in a browser; it needs no network.</source>
        <translation>核验网页已保存到 {path}。用浏览器打开即可，无需联网。</translation>
    </message>
    <message>
        <source>No log entries match.</source>
        <translation>没有符合条件的登记。</translation>
    </message>
    <message>
        <source>Credit policy version {version} is now in use.</source>
        <translation>已启用信用信息政策 {version} 版。</translation>
    </message>
    <message>
        <source>The shipped credit policy is in use again.</source>
        <translation>已恢复使用随软件提供的信用信息政策。</translation>
    </message>
    <message>
        <source>red and black lists: an identity&apos;s status and measures (联合奖惩), measures applied</source>
        <translation>红黑名单：查询证件号码的名单状态和联合奖惩措施，登记措施实施情况</translation>
    </message>
    <message>
        <source>list status and measures of an ID number or USCC</source>
        <translation>查询身份证号码或统一社会信用代码的名单状态和措施</translation>
    </message>
    <message>
        <source>measures recorded as applied (联合奖惩 触发反馈), newest first</source>
        <translation>已登记的措施实施情况（联合奖惩触发反馈），最新的在前</translation>
    </message>
    <message>
        <source>only this ID number or USCC</source>
        <translation>只看此身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>record that a measure implied by a list was applied to a subject</source>
        <translation>登记对信用主体实施了其所列名单对应的措施</translation>
    </message>
    <message>
        <source>ID number or USCC</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>the measure&apos;s text, or its number as &apos;lists show&apos; lists them</source>
        <translation>措施内容，或“lists show”所列的序号</translation>
    </message>
    <message>
        <source>the matter it was applied in, e.g. 2026年耕地地力保护补贴发放</source>
        <translation>实施措施的事项，如 2026年耕地地力保护补贴发放</translation>
    </message>
    <message>
        <source>the day (default today)</source>
        <translation>日期（默认今天）</translation>
    </message>
    <message>
        <source>the department that applied it</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <source>credit repair: apply, attach the repair commitment letter, print it</source>
        <translation>信用修复：登记申请、关联修复承诺书、打印承诺书</translation>
    </message>
    <message>
        <source>record a repair application for a record</source>
        <translation>为一条信用记录登记修复申请</translation>
    </message>
    <message>
        <source>date of the application</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>the signed repair commitment letter&apos;s number</source>
        <translation>已签署的修复承诺书编号</translation>
    </message>
    <message>
        <source>attach a signed repair commitment letter to a repair application</source>
        <translation>把已签署的修复承诺书关联到修复申请</translation>
    </message>
    <message>
        <source>print the repair commitment letter of a repair application (PDF)</source>
        <translation>打印修复申请的信用修复承诺书（PDF）</translation>
    </message>
    <message>
        <source>objections to credit records</source>
        <translation>信用记录异议</translation>
    </message>
    <message>
        <source>record an objection to a credit record</source>
        <translation>登记对信用记录的异议</translation>
    </message>
    <message>
        <source>who raises it</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>date of the objection</source>
        <translation>异议日期</translation>
    </message>
    <message>
        <source>Enter the whole 18-character ID number or unified social credit code (its check character must be right).</source>
        <translation>请输入完整的18位身份证号码或统一社会信用代码（校验码须正确）。</translation>
    </message>
    <message>
        <source>No measures recorded.</source>
        <translation>尚未登记措施实施情况。</translation>
    </message>
    <message>
        <source>Recorded: {measure} applied to {name} in {matter} on {day}; it goes to the county with the next batch.</source>
        <translation>已登记：{day}在“{matter}”中对{name}实施了“{measure}”；将随下一批次上报县平台。</translation>
    </message>
    <message>
        <source>Repair application {id} recorded ({day}).</source>
        <translation>已登记修复申请 {id}（{day}）。</translation>
    </message>
    <message>
        <source>Letter {number} attached to repair application {id}.</source>
        <translation>承诺书 {number} 已关联到修复申请 {id}。</translation>
    </message>
    <message>
        <source>Repair commitment letter {numbers} written to {path}.</source>
        <translation>信用修复承诺书 {numbers} 已写入 {path}。</translation>
    </message>
    <message>
        <source>Objection {id} recorded ({day}); answer due by {deadline}.</source>
        <translation>已登记异议 {id}（{day}）；须在 {deadline} 前答复。</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Credit records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Red and black lists</source>
        <translation>红黑名单</translation>
    </message>
    <message>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议处理</translation>
    </message>
    <message>
        <source>Credit reports</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Query log</source>
        <translation>查询使用登记</translation>
    </message>
    <message>
        <source>Policy in force</source>
        <translation>现行政策</translation>
    </message>
    <message>
        <source>Objections needing an answer soon: {soon}; overdue: {overdue}. Nearest: {name}, {when}.</source>
        <translation>异议即将到期：{soon} 件；已超期：{overdue} 件。最紧急：{name}，{when}。</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Title, document number or name</source>
        <translation>标题、文书号或姓名</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>全部主体</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
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
        <source>Document number</source>
        <translation>文书号</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>New record…</source>
        <translation>新增记录…</translation>
    </message>
    <message>
        <source>Apply for repair…</source>
        <translation>申请信用修复…</translation>
    </message>
    <message>
        <source>Record an objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Subject: {name}</source>
        <translation>信用主体：{name}</translation>
    </message>
    <message>
        <source>History: {steps}</source>
        <translation>变更历史：{steps}</translation>
    </message>
    <message>
        <source>Select a record first.</source>
        <translation>请先选择一条信用记录。</translation>
    </message>
</context>
<context>
    <name>RemoveEntryDialog</name>
    <message>
        <source>Remove from list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>名单记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Removed on</source>
        <translation>移出日期</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>Credit repair application</source>
        <translation>信用修复申请</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Repair commitment</source>
        <translation>信用修复承诺</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Repair letter</source>
        <translation>修复承诺书</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Print repair letter</source>
        <translation>打印修复承诺书</translation>
    </message>
    <message>
        <source>Select a repair application first.</source>
        <translation>请先选择一份修复申请。</translation>
    </message>
    <message>
        <source>Repair letter {number} saved to {path}.</source>
        <translation>修复承诺书 {number} 已保存到 {path}。</translation>
    </message>
    <message>
        <source>Select a pending application first.</source>
        <translation>请先选择一份待审核的申请。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Name</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>所在村组</translation>
    </message>
    <message>
        <source>Family members / labour</source>
        <translation>家庭人口 / 劳动力</translation>
    </message>
    <message>
        <source>Main industry</source>
        <translation>主营产业</translation>
    </message>
    <message>
        <source>Contracted land (mu)</source>
        <translation>承包地面积（亩）</translation>
    </message>
    <message>
        <source>Loan balance / overdue (yuan)</source>
        <translation>贷款余额 / 逾期金额（元）</translation>
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
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>removed from the credit households</source>
        <translation>已摘牌，不再是信用户</translation>
    </message>
    <message>
        <source>not yet decided</source>
        <translation>尚未审定</translation>
    </message>
    <message>
        <source>not a credit household: veto ({reason})</source>
        <translation>不评为信用户：一票否决（{reason}）</translation>
    </message>
    <message>
        <source>not a credit household: score below the lowest grade</source>
        <translation>不评为信用户：得分未达最低等级</translation>
    </message>
    <message>
        <source>Enter the purpose of the report (e.g. 贷款审批): a report is only issued for a stated purpose.</source>
        <translation>请填写报告用途（例如 贷款审批）：信用报告只为载明的用途出具。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>A file {path} is already there; move it away before issuing the report.</source>
        <translation>文件 {path} 已存在，请先移走再出具报告。</translation>
    </message>
    <message>
        <source>credit reports</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>No report with the code {code} was issued here: the report is NOT genuine.</source>
        <translation>本系统未出具过核验码为 {code} 的报告：该报告不是真实报告。</translation>
    </message>
    <message>
        <source>the QR code&apos;s facts differ from the report that was issued</source>
        <translation>二维码载明的事实与出具的报告不一致</translation>
    </message>
    <message>
        <source>the file differs from the report that was issued (it has been changed)</source>
        <translation>文件与出具时的报告不一致（已被改动）</translation>
    </message>
    <message>
        <source>its validity ended on {day}</source>
        <translation>有效期已于 {day} 届满</translation>
    </message>
    <message>
        <source>the subject&apos;s credit information has changed since it was issued</source>
        <translation>出具后该主体的信用信息已有变化</translation>
    </message>
    <message>
        <source>Report {number} is NOT genuine: {problems}.</source>
        <translation>报告 {number} 不是真实报告：{problems}。</translation>
    </message>
    <message>
        <source>Report {number} was issued here but is no longer current: {problems}. Ask for a new report. It printed: {facts}.</source>
        <translation>报告 {number} 确由本单位出具，但已不是最新：{problems}。请重新出具报告。该报告载明：{facts}。</translation>
    </message>
    <message>
        <source>Report {number} is genuine and current: {facts}; purpose {purpose}, valid until {until}. Any other fact on the paper means it was altered.</source>
        <translation>报告 {number} 真实有效：{facts}；用途 {purpose}，有效期至 {until}。纸面内容如与此不符，即为篡改。</translation>
    </message>
    <message>
        <source>subject {name}, issued on {issued}</source>
        <translation>信用主体 {name}，出具日期 {issued}</translation>
    </message>
    <message>
        <source>Credit Report</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>查询申请人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>查询用途</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>To verify this report, scan the QR code into credit-desk verify-report or the offline verifier page, or give the verification code {code} to the issuing office. The answer states the facts this report printed.</source>
        <translation>核验本报告：用 credit-desk verify-report 或离线核验网页扫描二维码，或向出具单位提供核验码 {code}。核验结果会列明本报告载明的事实。</translation>
    </message>
    <message>
        <source>Not rated: no rating of this subject has been decided.</source>
        <translation>未评定：该主体尚无已审定的信用评定。</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <source>1. Notes on scope and sources</source>
        <translation>一、报告说明</translation>
    </message>
    <message>
        <source>ID numbers and phone numbers are partly masked for this purpose.</source>
        <translation>按本报告用途，身份证号码和电话号码已作部分隐藏处理。</translation>
    </message>
    <message>
        <source>2. Overview</source>
        <translation>二、信用概况</translation>
    </message>
    <message>
        <source>2.1 Basic information</source>
        <translation>（一）基本信息</translation>
    </message>
    <message>
        <source>2.2 Current rating</source>
        <translation>（二）当前信用等级</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Campaign year</source>
        <translation>评定年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Supervision class</source>
        <translation>监管类别</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>监管措施</translation>
    </message>
    <message>
        <source>2.3 List status</source>
        <translation>（三）红黑名单情况</translation>
    </message>
    <message>
        <source>Listed: {lists}</source>
        <translation>已列入：{lists}</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
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
        <source>Applicable measures: {measures}</source>
        <translation>适用的联合奖惩措施：{measures}</translation>
    </message>
    <message>
        <source>Not on any red list, black list or list of dishonest judgment debtors.</source>
        <translation>未列入红名单、黑名单或失信被执行人名单。</translation>
    </message>
    <message>
        <source>As legal representative of {organization}: {what} ({title}, {day})</source>
        <translation>作为{organization}的法定代表人：{what}（{title}，{day}）</translation>
    </message>
    <message>
        <source>Measures reaching the legal representative: {measures}</source>
        <translation>及于法定代表人的措施：{measures}</translation>
    </message>
    <message>
        <source>2.4 Summary</source>
        <translation>（四）信用记录统计</translation>
    </message>
    <message>
        <source>Positive records</source>
        <translation>守信（良好）记录</translation>
    </message>
    <message>
        <source>Negative records</source>
        <translation>失信（不良）记录</translation>
    </message>
    <message>
        <source>Basic information records</source>
        <translation>基础信息记录</translation>
    </message>
    <message>
        <source>3. Detail</source>
        <translation>三、信用信息明细</translation>
    </message>
    <message>
        <source>3.1 Credit records by category</source>
        <translation>（一）分类信用记录</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Polarity</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源单位</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书号</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>No published credit records.</source>
        <translation>无公示中的信用记录。</translation>
    </message>
    <message>
        <source>3.2 Ratings history</source>
        <translation>（二）历年信用评定</translation>
    </message>
    <message>
        <source>Scheme version</source>
        <translation>指标体系版本</translation>
    </message>
    <message>
        <source>No ratings on file.</source>
        <translation>无信用评定记录。</translation>
    </message>
    <message>
        <source>3.3 Commitments and their fulfilment</source>
        <translation>（三）信用承诺及履约情况</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>承诺书编号</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>承诺书类型</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>履约情况</translation>
    </message>
    <message>
        <source>Fulfilment date</source>
        <translation>履约认定日期</translation>
    </message>
    <message>
        <source>No commitment letters on file.</source>
        <translation>无信用承诺记录。</translation>
    </message>
    <message>
        <source>3.4 Credit repairs and objections</source>
        <translation>（四）信用修复及异议处理</translation>
    </message>
    <message>
        <source>Repair applied on</source>
        <translation>修复申请日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Objection filed on</source>
        <translation>异议提出日期</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>No repairs or objections.</source>
        <translation>无信用修复或异议处理记录。</translation>
    </message>
    <message>
        <source>4. Issuing body</source>
        <translation>四、出具单位</translation>
    </message>
    <message>
        <source>(seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <source>Credit report {number}</source>
        <translation>信用报告 {number}</translation>
    </message>
    <message>
        <source>End of report.</source>
        <translation>—— 报告结束 ——</translation>
    </message>
    <message>
        <source>it is signed by a key this computer does not know ({key})</source>
        <translation>签名密钥不在本机信任的密钥中（{key}）</translation>
    </message>
    <message>
        <source>the signature does not match the printed facts (they have been changed)</source>
        <translation>签名与载明的事实不符（内容已被改动）</translation>
    </message>
    <message>
        <source>subject {subject} ({id}), issued on {date}, current grade {grade}, lists: {lists}, records: {positive} positive, {negative} negative, {neutral} basic</source>
        <translation>信用主体 {subject}（{id}），出具日期 {date}，当前信用等级 {grade}，名单状态 {lists}，守信记录 {positive} 条、失信记录 {negative} 条、基础信息 {neutral} 条</translation>
    </message>
    <message>
        <source>This is not the QR code of a credit report (or it was cut short).</source>
        <translation>这不是信用报告的二维码（或内容不完整）。</translation>
    </message>
    <message>
        <source>Report {number}: the signature of {signer} is valid. The report must say: {facts}.</source>
        <translation>报告 {number}：{signer} 的签名有效。纸面报告须载明：{facts}。</translation>
    </message>
    <message>
        <source>Report {number} is NOT genuine: {why}.</source>
        <translation>报告 {number} 不是真实报告：{why}。</translation>
    </message>
    <message>
        <source>No credit report QR code was found in {path}. Scan the report again, flat and in focus.</source>
        <translation>在 {path} 中没有找到信用报告二维码。请把报告放平、对准焦距后重新扫描。</translation>
    </message>
    <message>
        <source>Credit report {number} is on file, but its PDF is no longer where it was saved (or was changed since). Issue a new report if the requester needs one.</source>
        <translation>信用报告 {number} 有登记，但其 PDF 已不在保存的位置（或已被改动）。如申请人仍需要，请重新出具报告。</translation>
    </message>
    <message>
        <source>Opened from its printed number</source>
        <translation>按纸质文书上的编号打开</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>ID number, USCC or record id</source>
        <translation>身份证号、统一社会信用代码或记录编号</translation>
    </message>
    <message>
        <source>e.g. the bank asking; empty: the subject</source>
        <translation>例如申请查询的银行；留空为本人</translation>
    </message>
    <message>
        <source>empty: the reports folder, file named by the report number</source>
        <translation>留空：保存到报告文件夹，文件以报告编号命名</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>查询申请人</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Print credit report</source>
        <translation>出具信用报告</translation>
    </message>
    <message>
        <source>Verification code, e.g. 7K3M-Q9XA</source>
        <translation>核验码，例如 7K3M-Q9XA</translation>
    </message>
    <message>
        <source>Verify a report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <source>Scan the report&apos;s QR code here, or type its verification code, e.g. 7K3M-Q9XA</source>
        <translation>在此扫描报告二维码，或输入核验码，例如 7K3M-Q9XA</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Save credit report</source>
        <translation>保存信用报告</translation>
    </message>
    <message>
        <source>Select a report saved in the reports folder first.</source>
        <translation>请先选择一份保存在报告文件夹中的报告。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在出具…</translation>
    </message>
    <message>
        <source>Report {number} saved to {path}. Verification code: {code}.</source>
        <translation>报告 {number} 已保存到 {path}。核验码：{code}。</translation>
    </message>
</context>
</TS>
