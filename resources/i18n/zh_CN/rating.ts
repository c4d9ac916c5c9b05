<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer the objection about {name}</source>
        <translation>答复关于{name}的异议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>the answer given to the objector</source>
        <translation>给异议人的答复</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ObjectionsTab</name>
    <message>
        <source>Objections raised during the public notices. A household with an open objection waits before the township review.</source>
        <translation>公示期间提出的异议。有未答复异议的农户暂不能进入乡镇复核。</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>只看未答复</translation>
    </message>
    <message>
        <source>Answer the objection…</source>
        <translation>答复异议…</translation>
    </message>
    <message>
        <source>Objection answered: {outcome}; the household is now at &apos;{status}&apos;.</source>
        <translation>异议已答复：{outcome}；该户现处于“{status}”。</translation>
    </message>
    <message>
        <source>Choose an objection in the list first.</source>
        <translation>请先在列表中选择一条异议。</translation>
    </message>
</context>
<context>
    <name>OrganizationResults</name>
    <message>
        <source>unfinished</source>
        <translation>未评完</translation>
    </message>
    <message>
        <source>vetoed: {reason}</source>
        <translation>一票否决：{reason}</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <source>below A</source>
        <translation>未达等级</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>经营主体</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Supervision class</source>
        <translation>监管类别</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>&apos;{key}&apos; is not a question of scheme {version}.</source>
        <translation>“{key}”不是评价指标体系 {version} 中的问题。</translation>
    </message>
    <message>
        <source>{name}: choose one of {options}.</source>
        <translation>{name}：请从 {options} 中选择一项。</translation>
    </message>
    <message>
        <source>{name}: enter a number.</source>
        <translation>{name}：请输入数字。</translation>
    </message>
    <message>
        <source>Give the campaign a name, e.g. 2026年度信用户评定.</source>
        <translation>请填写评定批次名称，例如“2026年度信用户评定”。</translation>
    </message>
    <message>
        <source>The campaign year must be between 2000 and 2100.</source>
        <translation>评定年度应在 2000 至 2100 之间。</translation>
    </message>
    <message>
        <source>The campaign {name} ({year}) was already started (id {id}); it is not started twice. Continue working in it.</source>
        <translation>评定批次“{name}”（{year}年度）已经创建过（编号 {id}），不会重复创建。请在该批次中继续工作。</translation>
    </message>
    <message>
        <source>scoring</source>
        <translation>正在评分</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>正在记录变更日志</translation>
    </message>
    <message>
        <source>The rating campaign no longer exists.</source>
        <translation>该评定批次已不存在。</translation>
    </message>
    <message>
        <source>There is no rating campaign yet. Start this year&apos;s campaign first (a new campaign on the rating page, or rating campaign create).</source>
        <translation>还没有评定活动。请先开始本年度的评定（在“信用评定”页新建评定，或用 rating campaign create）。</translation>
    </message>
    <message>
        <source>Campaign {name} does not rate organizations.</source>
        <translation>评定批次 {name} 不评定经营主体。</translation>
    </message>
    <message>
        <source>Campaign {name} is closed; its results can no longer change.</source>
        <translation>评定批次“{name}”已结束，结果不能再更改。</translation>
    </message>
    <message>
        <source>The rating no longer exists.</source>
        <translation>该评定记录已不存在。</translation>
    </message>
    <message>
        <source>This household&apos;s rating is at the step &apos;{status}&apos;; answers can only be changed while information is being collected. An upheld objection sends it back.</source>
        <translation>该农户的评定已处于“{status}”环节，只有在信息采集环节才能修改评分。如公示期间异议成立，可退回重新采集。</translation>
    </message>
    <message>
        <source>Labour force (register)</source>
        <translation>劳动力（登记信息）</translation>
    </message>
    <message>
        <source>Family members (register)</source>
        <translation>家庭人口（登记信息）</translation>
    </message>
    <message>
        <source>Contracted land, mu (register)</source>
        <translation>承包地面积，亩（登记信息）</translation>
    </message>
    <message>
        <source>Annual income, yuan (register)</source>
        <translation>家庭年收入，元（登记信息）</translation>
    </message>
    <message>
        <source>Assets, yuan (register)</source>
        <translation>家庭资产，元（登记信息）</translation>
    </message>
    <message>
        <source>Loan balance, yuan (register)</source>
        <translation>贷款余额，元（登记信息）</translation>
    </message>
    <message>
        <source>Overdue loans, yuan (register)</source>
        <translation>逾期贷款，元（登记信息）</translation>
    </message>
    <message>
        <source>Negative credit records in publicity</source>
        <translation>公示中的不良信用记录</translation>
    </message>
    <message>
        <source>Serious negative credit records</source>
        <translation>严重不良信用记录</translation>
    </message>
    <message>
        <source>Serious loan default on record</source>
        <translation>有严重贷款违约记录</translation>
    </message>
    <message>
        <source>Positive credit records</source>
        <translation>良好信用记录</translation>
    </message>
    <message>
        <source>On a black list or the court&apos;s defaulter list</source>
        <translation>列入黑名单或失信被执行人名单</translation>
    </message>
    <message>
        <source>On a red list</source>
        <translation>列入红名单</translation>
    </message>
    <message>
        <source>Loan repayment records against it</source>
        <translation>贷款不良记录（条）</translation>
    </message>
    <message>
        <source>Tax arrears records</source>
        <translation>欠税记录（条）</translation>
    </message>
    <message>
        <source>Administrative penalties in publicity</source>
        <translation>公示期内的行政处罚（条）</translation>
    </message>
    <message>
        <source>Members (register)</source>
        <translation>成员人数（登记册）</translation>
    </message>
    <message>
        <source>Registered capital, yuan (register)</source>
        <translation>注册资本，元（登记册）</translation>
    </message>
    <message>
        <source>Organization or its legal representative on a black list</source>
        <translation>本单位或法定代表人在黑名单或失信被执行人名单上</translation>
    </message>
    <message>
        <source>scheme file</source>
        <translation>评价指标体系文件</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>未达等级</translation>
    </message>
    <message>
        <source>not a credit household</source>
        <translation>非信用户</translation>
    </message>
    <message>
        <source>not valid TOML ({detail})</source>
        <translation>不是有效的 TOML 格式（{detail}）</translation>
    </message>
    <message>
        <source>the [scheme] table with code, version and name is missing</source>
        <translation>缺少包含 code、version、name 的 [scheme] 表</translation>
    </message>
    <message>
        <source>[scheme] needs a text value &apos;{name}&apos;</source>
        <translation>[scheme] 中须填写文本项“{name}”</translation>
    </message>
    <message>
        <source>[scheme] subject must be &quot;household&quot; or &quot;organization&quot;</source>
        <translation>[scheme] 的 subject 只能是 &quot;household&quot;（农户）或 &quot;organization&quot;（经营主体）</translation>
    </message>
    <message>
        <source>notice_days must be a whole number of days from 1 to 60</source>
        <translation>notice_days（公示天数）须为 1 至 60 的整数</translation>
    </message>
    <message>
        <source>a dimension needs a key of lower-case letters, digits and _</source>
        <translation>评价维度的 key 只能由小写字母、数字和下划线组成</translation>
    </message>
    <message>
        <source>dimension &apos;{key}&apos; is defined twice</source>
        <translation>评价维度“{key}”重复定义</translation>
    </message>
    <message>
        <source>dimension &apos;{key}&apos; needs a name</source>
        <translation>评价维度“{key}”缺少名称 name</translation>
    </message>
    <message>
        <source>the scheme has no [[dimensions]]</source>
        <translation>指标体系中没有评价维度 [[dimensions]]</translation>
    </message>
    <message>
        <source>an indicator needs a key of lower-case letters, digits and _</source>
        <translation>指标的 key 只能由小写字母、数字和下划线组成</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos; is defined twice</source>
        <translation>指标“{key}”重复定义</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: dimension &apos;{dim}&apos; is not one of the [[dimensions]] ({known})</source>
        <translation>指标“{key}”：维度“{dim}”不在已定义的维度中（{known}）</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos; needs a name</source>
        <translation>指标“{key}”缺少名称 name</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: unknown source &apos;{source}&apos;; known sources: {known}</source>
        <translation>指标“{key}”：未知的数据来源“{source}”；可用的来源：{known}</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: source &apos;{source}&apos; does not describe a {subject}</source>
        <translation>指标“{key}”：数据来源“{source}”不适用于 {subject}</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos; needs either bands or options (one of them)</source>
        <translation>指标“{key}”须有分档 bands 或选项 options（二者之一）</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: an automatic indicator uses bands, not options</source>
        <translation>指标“{key}”：自动取数的指标应使用分档 bands，不能用选项 options</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: bands must be a non-empty list</source>
        <translation>指标“{key}”：分档 bands 不能为空</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: every band needs numbers at_least and points</source>
        <translation>指标“{key}”：每一档都须有数字 at_least 和 points</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: band limit {value} is finer than the data (at most {digits} decimals)</source>
        <translation>指标“{key}”：分档界限 {value} 比数据精度更细（最多 {digits} 位小数）</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: points may not be negative</source>
        <translation>指标“{key}”：分值不能为负数</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: bands must rise (at_least {value} comes after {previous})</source>
        <translation>指标“{key}”：分档须从小到大排列（at_least {value} 排在 {previous} 之后）</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: give at least two options</source>
        <translation>指标“{key}”：至少要有两个选项</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: every option needs key, label and points</source>
        <translation>指标“{key}”：每个选项都须有 key、label 和 points</translation>
    </message>
    <message>
        <source>indicator &apos;{key}&apos;: option &apos;{option}&apos; twice</source>
        <translation>指标“{key}”：选项“{option}”重复</translation>
    </message>
    <message>
        <source>the scheme has no [[indicators]]</source>
        <translation>指标体系中没有指标 [[indicators]]</translation>
    </message>
    <message>
        <source>a veto item needs a key and a name</source>
        <translation>一票否决项须有 key 和 name</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos; is used twice</source>
        <translation>key“{key}”重复使用</translation>
    </message>
    <message>
        <source>veto &apos;{key}&apos;: unknown source &apos;{source}&apos;; known sources: {known}</source>
        <translation>否决项“{key}”：未知的数据来源“{source}”；可用的来源：{known}</translation>
    </message>
    <message>
        <source>veto &apos;{key}&apos;: source &apos;{source}&apos; does not describe a {subject}</source>
        <translation>否决项“{key}”：数据来源“{source}”不适用于 {subject}</translation>
    </message>
    <message>
        <source>a grade needs grade, label and min</source>
        <translation>信用等级须有 grade、label 和 min</translation>
    </message>
    <message>
        <source>grade &apos;{grade}&apos;: credit_limit_yuan must be a whole number of yuan</source>
        <translation>等级“{grade}”：授信额度 credit_limit_yuan 须为整数元</translation>
    </message>
    <message>
        <source>grades go from the highest down: &apos;{grade}&apos; (min {min}) must be below &apos;{previous}&apos; (min {previous_min})</source>
        <translation>等级须从高到低排列：“{grade}”（最低 {min} 分）应低于“{previous}”（最低 {previous_min} 分）</translation>
    </message>
    <message>
        <source>the scheme has no [[grades]]</source>
        <translation>指标体系中没有信用等级 [[grades]]</translation>
    </message>
    <message>
        <source>grade &apos;{grade}&apos; needs {min} points but the indicators give at most {total}</source>
        <translation>等级“{grade}”要求 {min} 分，但各指标合计最多只有 {total} 分</translation>
    </message>
    <message>
        <source>the [{table}] table is missing</source>
        <translation>缺少 [{table}] 表</translation>
    </message>
    <message>
        <source>[{table}] {name} must be a share between 0 and 1 (e.g. 0.70)</source>
        <translation>[{table}] 中的 {name} 须为 0 到 1 之间的比例（例如 0.70）</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <source>version {version} of scheme &apos;{code}&apos; is already installed with different content. Campaigns may use it, so it cannot change: give your file a new version (e.g. {version}-1) and install that.</source>
        <translation>指标体系“{code}”的 {version} 版已经安装且内容不同。评定批次可能正在使用该版本，因此不能修改：请给文件一个新的版本号（例如 {version}-1）再安装。</translation>
    </message>
    <message>
        <source>No rating scheme &apos;{code}&apos; is installed.</source>
        <translation>尚未安装评价指标体系“{code}”。</translation>
    </message>
    <message>
        <source>The rating scheme no longer exists.</source>
        <translation>该评价指标体系已不存在。</translation>
    </message>
    <message>
        <source>collecting information</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>first review by the village group</source>
        <translation>村评议小组初评</translation>
    </message>
    <message>
        <source>public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>township review</source>
        <translation>乡镇复核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <source>plaque awarded</source>
        <translation>已授牌</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <source>first review</source>
        <translation>初评</translation>
    </message>
    <message>
        <source>publish notice</source>
        <translation>发布公示</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>审定</translation>
    </message>
    <message>
        <source>award plaque</source>
        <translation>授牌</translation>
    </message>
    <message>
        <source>objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <source>objection: answers corrected</source>
        <translation>异议：更正评分</translation>
    </message>
    <message>
        <source>objection dismissed</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>reinstatement</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>step undone</source>
        <translation>撤销上一步</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>annual review</source>
        <translation>年审</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <source>{name}: the rating is at &apos;{status}&apos;, so &apos;{step}&apos; cannot be done now; it needs the step &apos;{need}&apos; first.</source>
        <translation>{name}：当前处于“{status}”环节，现在不能“{step}”，须先完成“{need}”环节。</translation>
    </message>
    <message>
        <source>No household is selected for this step.</source>
        <translation>没有选中任何农户。</translation>
    </message>
    <message>
        <source>{n} households and {m} organizations</source>
        <translation>{n} 户和 {m} 个经营主体</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>{n} 户</translation>
    </message>
    <message>
        <source>{name}: not every indicator is answered yet; answer them all before the first review.</source>
        <translation>{name}：还有指标未评分，请全部评完后再初评。</translation>
    </message>
    <message>
        <source>{what}: &apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{what}：“{value}”不是日期（格式：年-月-日，如 2026-05-01）。</translation>
    </message>
    <message>
        <source>Notice start</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <source>Notice end</source>
        <translation>公示结束日期</translation>
    </message>
    <message>
        <source>The notice must run at least {days} days (scheme {version}); {start} to {end} is {n}.</source>
        <translation>公示期不得少于 {days} 天（指标体系 {version}）；{start} 至 {end} 只有 {n} 天。</translation>
    </message>
    <message>
        <source>Say where and to whom objections can be made (e.g. the township credit office and its phone).</source>
        <translation>请填写异议受理地点和联系人（例如镇信用办及电话）。</translation>
    </message>
    <message>
        <source>No household of this village has passed the first review, so there is nothing to post.</source>
        <translation>本村还没有通过初评的农户，没有可公示的名单。</translation>
    </message>
    <message>
        <source>The notice no longer exists.</source>
        <translation>该公示已不存在。</translation>
    </message>
    <message>
        <source>{name}: objections are taken during the public notice; the rating is at &apos;{status}&apos;.</source>
        <translation>{name}：异议只在公示期间受理；当前处于“{status}”环节。</translation>
    </message>
    <message>
        <source>Objection date</source>
        <translation>异议日期</translation>
    </message>
    <message>
        <source>The notice ran from {start} to {end}; an objection on {on} is outside it.</source>
        <translation>公示期为 {start} 至 {end}；{on} 提出的异议不在公示期内。</translation>
    </message>
    <message>
        <source>Say who objects and what the objection is.</source>
        <translation>请填写异议人和异议内容。</translation>
    </message>
    <message>
        <source>upheld (back to collection)</source>
        <translation>异议成立（退回重新采集）</translation>
    </message>
    <message>
        <source>corrected and rescored</source>
        <translation>更正并重新评分</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>No objection has the id {id}.</source>
        <translation>没有编号为 {id} 的异议。</translation>
    </message>
    <message>
        <source>This objection was already answered on {at}.</source>
        <translation>该异议已于 {at} 答复。</translation>
    </message>
    <message>
        <source>Choose whether the objection is upheld, corrected or dismissed.</source>
        <translation>请选择异议成立、更正评分或不成立。</translation>
    </message>
    <message>
        <source>Write the answer given to the objector (the reason for the outcome).</source>
        <translation>请填写给异议人的答复（处理理由）。</translation>
    </message>
    <message>
        <source>A correction needs the corrected answers (which indicators change and to what).</source>
        <translation>更正评分需要填写更正后的答案（哪些指标改为什么）。</translation>
    </message>
    <message>
        <source>{name}: the public notice runs until {end}; the township review comes after it.</source>
        <translation>{name}：公示期到 {end} 结束，公示期满后才能乡镇复核。</translation>
    </message>
    <message>
        <source>{name}: an objection is still open; answer it first.</source>
        <translation>{name}：还有未处理的异议，请先答复。</translation>
    </message>
    <message>
        <source>{name} is not a credit household, so no plaque is awarded.</source>
        <translation>{name}不是信用户，不授牌。</translation>
    </message>
    <message>
        <source>Give the reason for the {what}.</source>
        <translation>请填写{what}的理由。</translation>
    </message>
    <message>
        <source>A downgrade goes to a lower grade than {grade}: {choices}; to take the credit household title away, remove it instead.</source>
        <translation>降级只能降到比 {grade} 低的等级：{choices}；如要取消信用户资格，请用摘牌。</translation>
    </message>
    <message>
        <source>{name} was not removed (the rating is at &apos;{status}&apos;), so there is nothing to reinstate.</source>
        <translation>{name}未被摘牌（评定处于“{status}”），无需恢复。</translation>
    </message>
    <message>
        <source>{name} has no grade to return to; rate the household again in the next campaign.</source>
        <translation>{name}没有可恢复的等级，请在下一批次重新评定。</translation>
    </message>
    <message>
        <source>No credit household to review here.</source>
        <translation>这里没有需要年审的信用户。</translation>
    </message>
    <message>
        <source>There is no village-wide step to undo here: only the last one can be undone, and only until the next step is taken.</source>
        <translation>这里没有可撤销的整村操作：只能撤销最后一次，且须在下一步操作之前。</translation>
    </message>
    <message>
        <source>credit record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>red/black list</source>
        <translation>红黑名单</translation>
    </message>
    <message>
        <source>commitment letter</source>
        <translation>信用承诺书</translation>
    </message>
    <message>
        <source>county list</source>
        <translation>县级名单</translation>
    </message>
    <message>
        <source>Excel import</source>
        <translation>Excel 导入</translation>
    </message>
    <message>
        <source>overdue loan</source>
        <translation>逾期贷款</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>This review item is already dealt with.</source>
        <translation>该复查事项已经处理过了。</translation>
    </message>
    <message>
        <source>Choose keep, downgrade or remove.</source>
        <translation>请选择维持、降级或摘牌。</translation>
    </message>
    <message>
        <source>The household holds no credit grade to downgrade or remove.</source>
        <translation>该户没有可降级或摘牌的信用等级。</translation>
    </message>
    <message>
        <source>No household of this village is ready for &apos;{step}&apos; now.</source>
        <translation>本村目前没有可以“{step}”的农户。</translation>
    </message>
    <message>
        <source>{label} · page {page}</source>
        <translation>{label} · 第 {page} 页</translation>
    </message>
    <message>
        <source>This village has no public notice yet: publish it after the first review, then print it.</source>
        <translation>本村还没有发布公示：请在初评后发布公示，再打印公示名单。</translation>
    </message>
    <message>
        <source>veto: {reason}</source>
        <translation>一票否决：{reason}</translation>
    </message>
    <message>
        <source>score {score}, below the lowest grade</source>
        <translation>得分 {score}，未达最低等级</translation>
    </message>
    <message>
        <source>{township}{village} {year} credit household rating: public notice</source>
        <translation>{township}{village}{year}年度信用户评定结果公示</translation>
    </message>
    <message>
        <source>After the households&apos; declarations and the first review by the village evaluation group, the {n} households below are proposed as credit households of the grades shown, under the rating scheme {scheme} ({version}). The notice runs from {start} to {end} ({days} days). Anyone who objects may report it, with facts, during the notice period to: {contact}.</source>
        <translation>经农户申报、村评议小组初评，按照《{scheme}》（{version}），拟评定以下 {n} 户为相应等级的信用户，现予公示。公示期为 {start} 至 {end}（共 {days} 天）。如有异议，请在公示期内实事求是地向{contact}反映。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Proposed grade</source>
        <translation>拟评等级</translation>
    </message>
    <message>
        <source>the notice list</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>经营主体</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Proposed grade and supervision class</source>
        <translation>拟评等级及监管类别</translation>
    </message>
    <message>
        <source>{village} villagers&apos; committee</source>
        <translation>{village}村民委员会</translation>
    </message>
    <message>
        <source>Proposed credit households ({n})</source>
        <translation>拟评定为信用户的农户（{n} 户）</translation>
    </message>
    <message>
        <source>Not proposed as credit households ({n})</source>
        <translation>未评为信用户的农户（{n} 户）</translation>
    </message>
    <message>
        <source>New agricultural operators ({n})</source>
        <translation>新型农业经营主体（{n} 个）</translation>
    </message>
    <message>
        <source>credit household rating notice</source>
        <translation>信用户评定公示</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户数</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Credit households</source>
        <translation>信用户</translation>
    </message>
    <message>
        <source>Credit household share</source>
        <translation>信用户占比</translation>
    </message>
    <message>
        <source>On-time repayment</source>
        <translation>按时还款率</translation>
    </message>
    <message>
        <source>NPL ratio</source>
        <translation>不良贷款率</translation>
    </message>
    <message>
        <source>Credit village</source>
        <translation>信用村</translation>
    </message>
    <message>
        <source>{township}: {credit} of {n} villages are credit villages ({share}; needed {need}); on-time repayment {on_time} (needed {need_on_time}); NPL ratio {npl} (at most {max_npl}); credit households {households_share} of {households} households. Verdict: {verdict}.</source>
        <translation>{township}：{n} 个村中信用村 {credit} 个（占 {share}，要求 {need}）；按时还款率 {on_time}（要求 {need_on_time}）；不良贷款率 {npl}（不超过 {max_npl}）；信用户占 {households} 户的 {households_share}。结论：{verdict}。</translation>
    </message>
    <message>
        <source>credit township</source>
        <translation>达到信用乡镇标准</translation>
    </message>
    <message>
        <source>not yet a credit township</source>
        <translation>尚未达到信用乡镇标准</translation>
    </message>
    <message>
        <source>{campaign}: summary</source>
        <translation>{campaign}汇总表</translation>
    </message>
    <message>
        <source>Scheme {version}. A credit village needs credit households ≥ {share} of households, on-time repayment ≥ {on_time} of borrowing households and an NPL ratio ≤ {npl}. Figures as of {at}; grades are provisional until approved.</source>
        <translation>指标体系 {version}。信用村标准：信用户占农户总数 ≥ {share}，借款农户按时还款率 ≥ {on_time}，不良贷款率 ≤ {npl}。数据截至 {at}；审定前的等级为拟评等级。</translation>
    </message>
    <message>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
    <message>
        <source>Loans: balance {balance} yuan, overdue {overdue} yuan.</source>
        <translation>贷款：余额 {balance} 元，逾期 {overdue} 元。</translation>
    </message>
    <message>
        <source>rating campaign summary</source>
        <translation>信用评定汇总</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>经营主体数</translation>
    </message>
    <message>
        <source>Cooperatives and family farms (scheme {version}): grades and supervision classes</source>
        <translation>农民合作社和家庭农场等经营主体（指标体系 {version}）：等级与分级分类监管</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Supervision class</source>
        <translation>监管类别</translation>
    </message>
    <message>
        <source>Organizations rated</source>
        <translation>经营主体评价</translation>
    </message>
    <message>
        <source>The supervision class policy: {reason}. Correct it or restore the shipped file.</source>
        <translation>分级分类监管政策：{reason}。请改正，或恢复随软件提供的文件。</translation>
    </message>
    <message>
        <source>every [[class]] needs class and label</source>
        <translation>每个 [[class]] 都要有 class 和 label</translation>
    </message>
    <message>
        <source>class {code}: grades and measures are lists of text</source>
        <translation>类别 {code}：grades 和 measures 必须是文字列表</translation>
    </message>
    <message>
        <source>no [[class]] is defined</source>
        <translation>没有定义任何 [[class]]</translation>
    </message>
    <message>
        <source>not classed yet</source>
        <translation>尚未分类</translation>
    </message>
</context>
<context>
    <name>RatingCLI</name>
    <message>
        <source>credit rating: campaigns, scoring, summary, notice lists, schemes</source>
        <translation>信用评定：评定批次、评分、汇总、公示名单、指标体系</translation>
    </message>
    <message>
        <source>per-village figures and the credit village and township verdicts</source>
        <translation>各村统计数据及信用村、信用乡镇评定结论</translation>
    </message>
    <message>
        <source>campaign id (default: the current campaign)</source>
        <translation>评定批次编号（默认：当前批次）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>start, list or close campaigns</source>
        <translation>创建、列出或结束评定批次</translation>
    </message>
    <message>
        <source>campaign name, e.g. 2026年度信用户评定</source>
        <translation>批次名称，例如“2026年度信用户评定”</translation>
    </message>
    <message>
        <source>campaign year</source>
        <translation>评定年度</translation>
    </message>
    <message>
        <source>scheme version to use (default: the newest installed)</source>
        <translation>使用的指标体系版本（默认：最新安装的版本）</translation>
    </message>
    <message>
        <source>campaign to close</source>
        <translation>要结束的评定批次</translation>
    </message>
    <message>
        <source>refresh automatic indicators (register, records, lists) and rescore</source>
        <translation>按登记信息、信用记录和名单更新自动取数指标并重新评分</translation>
    </message>
    <message>
        <source>print a village&apos;s public notice list as PDF</source>
        <translation>把某村的公示名单打印为 PDF</translation>
    </message>
    <message>
        <source>campaign summary as PDF</source>
        <translation>评定汇总表（PDF）</translation>
    </message>
    <message>
        <source>campaign summary as Excel</source>
        <translation>评定汇总表（Excel）</translation>
    </message>
    <message>
        <source>list installed rating schemes</source>
        <translation>列出已安装的评价指标体系</translation>
    </message>
    <message>
        <source>check a scheme file; errors name the line</source>
        <translation>检查指标体系文件；出错时指明行号</translation>
    </message>
    <message>
        <source>check and install a scheme file (a new version)</source>
        <translation>检查并安装指标体系文件（新版本）</translation>
    </message>
    <message>
        <source>households waiting for downgrade or removal review</source>
        <translation>待复查（降级或摘牌）的农户</translation>
    </message>
    <message>
        <source>decide a review item: keep the grade, downgrade or remove (摘牌)</source>
        <translation>处理待复查事项：保留等级、降级或摘牌</translation>
    </message>
    <message>
        <source>the item&apos;s id (rating flags --json), or its first characters</source>
        <translation>事项编号（见 rating flags --json），或其开头几位</translation>
    </message>
    <message>
        <source>the lower grade (downgrade)</source>
        <translation>降级后的等级（降级时）</translation>
    </message>
    <message>
        <source>why (the flag&apos;s own reason when left out)</source>
        <translation>理由（不填则用该事项本身的原因）</translation>
    </message>
    <message>
        <source>objections raised during public notices, answered or open</source>
        <translation>公示期间的异议（已答复或未答复）</translation>
    </message>
    <message>
        <source>only objections still waiting for an answer</source>
        <translation>只列出尚未答复的异议</translation>
    </message>
    <message>
        <source>answer an objection: upheld, corrected (with new answers) or dismissed</source>
        <translation>答复异议：成立、更正评分（附新答案）或不成立</translation>
    </message>
    <message>
        <source>the answer given to the objector</source>
        <translation>给异议人的答复</translation>
    </message>
    <message>
        <source>a corrected answer (with --outcome corrected; repeat for several)</source>
        <translation>更正后的答案（与 --outcome corrected 一起用；可重复）</translation>
    </message>
    <message>
        <source>take a village&apos;s ready households through a workflow step</source>
        <translation>将一个村已就绪的农户推进到下一评定环节</translation>
    </message>
    <message>
        <source>do it (without --yes the command only says how many households it would move)</source>
        <translation>确认执行（不加 --yes 时只显示将推进多少户）</translation>
    </message>
    <message>
        <source>undo a village&apos;s last village-wide step (until the next step is taken)</source>
        <translation>撤销该村最后一次整村操作（下一步操作之前有效）</translation>
    </message>
    <message>
        <source>annual review (年审): rescore credit households with today&apos;s facts</source>
        <translation>年审：按当前信息重新评分信用户</translation>
    </message>
    <message>
        <source>the household head&apos;s ID number (default: every credit household)</source>
        <translation>户主身份证号（默认：全部信用户）</translation>
    </message>
    <message>
        <source>downgrade a credit household, with the reason</source>
        <translation>信用户降级（须填写理由）</translation>
    </message>
    <message>
        <source>remove a credit household&apos;s title (摘牌), with the reason</source>
        <translation>信用户摘牌（须填写理由）</translation>
    </message>
    <message>
        <source>reinstate a removed household, with the reason</source>
        <translation>恢复已摘牌的农户（须填写理由）</translation>
    </message>
    <message>
        <source>the household head&apos;s ID number (or the rating id)</source>
        <translation>户主身份证号（或评定编号）</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记库。请运行“credit-desk demo”，或启动程序新建一个。</translation>
    </message>
    <message>
        <source>one village, by name or 12-digit code (default: all)</source>
        <translation>只处理一个村（村名或 12 位代码；默认全部）</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>households</source>
        <translation>农户数</translation>
    </message>
    <message>
        <source>rated</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>share</source>
        <translation>信用户占比</translation>
    </message>
    <message>
        <source>credit village</source>
        <translation>信用村</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{name}: {credit}/{n} credit villages, credit households {share:.2f}%; credit township: {verdict}</source>
        <translation>{name}：信用村 {credit}/{n} 个，信用户占比 {share:.2f}%；信用乡镇：{verdict}</translation>
    </message>
    <message>
        <source>Organizations: {n} in the campaign, {rated} rated; grades {grades}; supervision classes {classes}</source>
        <translation>经营主体：本批次 {n} 个，已评 {rated} 个；等级 {grades}；监管类别 {classes}</translation>
    </message>
    <message>
        <source>Closed: {name}</source>
        <translation>已结束：{name}</translation>
    </message>
    <message>
        <source>Give --year (and --name).</source>
        <translation>请给出 --year（以及 --name）。</translation>
    </message>
    <message>
        <source>No installed scheme has version {v}.</source>
        <translation>没有已安装的 {v} 版指标体系。</translation>
    </message>
    <message>
        <source>{year} credit household rating</source>
        <translation>{year}年度信用户评定</translation>
    </message>
    <message>
        <source>start of campaign {name}</source>
        <translation>开始评定批次 {name}</translation>
    </message>
    <message>
        <source>Campaign {name} started: {n} households, automatic indicators filled. Id: {id}</source>
        <translation>评定批次“{name}”已创建：{n} 户，自动取数指标已填好。编号：{id}</translation>
    </message>
    <message>
        <source>{n} ratings changed.</source>
        <translation>{n} 条评定结果有变化。</translation>
    </message>
    <message>
        <source>{file}: scheme {code} {version} is valid: {n} indicators, {total} points, {vetoes} veto items.</source>
        <translation>{file}：指标体系 {code} {version} 检查通过：{n} 项指标，满分 {total} 分，{vetoes} 项一票否决。</translation>
    </message>
    <message>
        <source>Installed scheme {code} {version}; new campaigns use it.</source>
        <translation>已安装指标体系 {code} {version}；新建的评定批次将使用它。</translation>
    </message>
    <message>
        <source>No open review item {id} (or more than one starts so): see credit-desk rating flags.</source>
        <translation>没有编号为 {id} 的待复查事项（或以此开头的不止一个）：请查看 credit-desk rating flags。</translation>
    </message>
    <message>
        <source>Review of {name} decided: {action}.</source>
        <translation>{name} 的复查已处理：{action}。</translation>
    </message>
    <message>
        <source>grade kept</source>
        <translation>保留等级</translation>
    </message>
    <message>
        <source>downgraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <source>No objections.</source>
        <translation>没有异议。</translation>
    </message>
    <message>
        <source>--set {pair!r}: write INDICATOR=VALUE, e.g. --set reputation=good.</source>
        <translation>--set {pair!r}：请写成 指标=值，例如 --set reputation=good。</translation>
    </message>
    <message>
        <source>Objection answered: {outcome}. The household is now at &apos;{status}&apos; ({score:g} points, {grade}).</source>
        <translation>异议已答复：{outcome}。该户现处于“{status}”（{score:g} 分，{grade}）。</translation>
    </message>
    <message>
        <source>No household with the ID number {who} is rated in this campaign.</source>
        <translation>本批次没有身份证号为 {who} 的评定农户。</translation>
    </message>
    <message>
        <source>{name}: {status}, grade {grade}.</source>
        <translation>{name}：{status}，等级 {grade}。</translation>
    </message>
    <message>
        <source>Annual review: {kept} kept, {downgraded} downgraded, {removed} removed.</source>
        <translation>年审完成：保持 {kept} 户，降级 {downgraded} 户，摘牌 {removed} 户。</translation>
    </message>
    <message>
        <source>&apos;{step}&apos; would move {what} of village {code}. Run again with --yes to do it.</source>
        <translation>“{step}”将推进村 {code} 的 {what}。确认无误请加 --yes 再运行。</translation>
    </message>
    <message>
        <source>{step}: {what}. &apos;credit-desk rating undo --village {code}&apos; takes it back until the next step.</source>
        <translation>{step}：{what}。下一步操作之前可用 credit-desk rating undo --village {code} 撤销。</translation>
    </message>
    <message>
        <source>Undone: {what} are back where they were.</source>
        <translation>已撤销：{what}恢复到原环节。</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Start this year&apos;s campaign</source>
        <translation>开始本年度评定</translation>
    </message>
    <message>
        <source>First review (village group)</source>
        <translation>村评议小组初评</translation>
    </message>
    <message>
        <source>Publish notice…</source>
        <translation>发布公示…</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Township review</source>
        <translation>乡镇复核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审定</translation>
    </message>
    <message>
        <source>Award plaques</source>
        <translation>授牌</translation>
    </message>
    <message>
        <source>Undo the last step</source>
        <translation>撤销上一步</translation>
    </message>
    <message>
        <source>Print notice list…</source>
        <translation>打印公示名单…</translation>
    </message>
    <message>
        <source>Dynamic management of the chosen household:</source>
        <translation>所选农户动态管理：</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>年审</translation>
    </message>
    <message>
        <source>Downgrade…</source>
        <translation>降级…</translation>
    </message>
    <message>
        <source>Remove (摘牌)…</source>
        <translation>摘牌…</translation>
    </message>
    <message>
        <source>Reinstate…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Scoring and workflow</source>
        <translation>评分与流程</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>评定结果</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>No rating campaign yet.</source>
        <translation>还没有评定批次。</translation>
    </message>
    <message>
        <source>{name} · scheme {version} · {status}</source>
        <translation>{name} · 指标体系 {version} · {status}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{n} not fully scored</source>
        <translation>{n} 户未评完</translation>
    </message>
    <message>
        <source>{n} open objections</source>
        <translation>{n} 条异议待处理</translation>
    </message>
    <message>
        <source>vetoed</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Saved {name}: {score} points, {result}.</source>
        <translation>已保存 {name}：{score} 分，{result}。</translation>
    </message>
    <message>
        <source>&apos;{step}&apos; will move {what} of {village}. You can undo it until the next step is taken. Go ahead?</source>
        <translation>“{step}”将推进{village}的 {what}。下一步操作之前可以撤销。是否继续？</translation>
    </message>
    <message>
        <source>{step}: {what}. &apos;Undo the last step&apos; takes it back until the next step.</source>
        <translation>{step}：{what}。下一步操作之前可用“撤销上一步”撤销。</translation>
    </message>
    <message>
        <source>Undone: {what} are back where they were.</source>
        <translation>已撤销：{what}恢复到原环节。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo &apos;{step}&apos; of {n} households?</source>
        <translation>撤销 {n} 户的“{step}”？</translation>
    </message>
    <message>
        <source>Choose a household in the list first.</source>
        <translation>请先在列表中选择一户。</translation>
    </message>
    <message>
        <source>{name}: now &apos;{status}&apos;, grade {grade}.</source>
        <translation>{name}：现为“{status}”，等级 {grade}。</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>New grade for {name}</source>
        <translation>{name}的新等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason ({name})</source>
        <translation>理由（{name}）</translation>
    </message>
    <message>
        <source>Notice published from {start} to {end}; print the list for the village board.</source>
        <translation>已发布公示，公示期 {start} 至 {end}；请打印公示名单张贴在村务公开栏。</translation>
    </message>
    <message>
        <source>Publish the notice</source>
        <translation>发布公示</translation>
    </message>
    <message>
        <source>{township} credit office</source>
        <translation>{township}信用办</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Objections to</source>
        <translation>异议受理</translation>
    </message>
    <message>
        <source>Objection about {name}</source>
        <translation>关于{name}的异议</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Printed to {path}</source>
        <translation>已打印到 {path}</translation>
    </message>
    <message>
        <source>Save the notice list</source>
        <translation>保存公示名单</translation>
    </message>
    <message>
        <source>{year} credit household rating</source>
        <translation>{year}年度信用户评定</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决原因</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>未评完</translation>
    </message>
    <message>
        <source>vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>below A</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Summary as PDF…</source>
        <translation>汇总表 PDF…</translation>
    </message>
    <message>
        <source>Summary as Excel…</source>
        <translation>汇总表 Excel…</translation>
    </message>
    <message>
        <source>{township}: {credit} of {n} villages are credit villages; credit households {share}; on-time repayment {on_time}; NPL {npl}. Credit township: {verdict}.</source>
        <translation>{township}：{n} 个村中信用村 {credit} 个；信用户占比 {share}；按时还款率 {on_time}；不良贷款率 {npl}。信用乡镇：{verdict}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未达标</translation>
    </message>
    <message>
        <source>New agricultural operators: {n} in the campaign, {rated} rated. Grades {grades}. Supervision classes {classes}.</source>
        <translation>新型农业经营主体：本批次 {n} 个，已评 {rated} 个。等级 {grades}。监管类别 {classes}。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>保存汇总表</translation>
    </message>
</context>
<context>
    <name>ReviewQueueTab</name>
    <message>
        <source>Households flagged by new negative facts (overdue loans, negative records, list entries, broken commitments) wait here for review: keep, downgrade or remove the grade.</source>
        <translation>因新的失信信息（逾期贷款、失信记录、列入名单、违背承诺）被标记的农户在此等待复核：保持、降级或摘牌。</translation>
    </message>
    <message>
        <source>Keep the grade</source>
        <translation>维持等级</translation>
    </message>
    <message>
        <source>Downgrade…</source>
        <translation>降级…</translation>
    </message>
    <message>
        <source>Remove (摘牌)…</source>
        <translation>摘牌…</translation>
    </message>
    <message>
        <source>Choose a household in the review queue first.</source>
        <translation>请先在复核列表中选择一户。</translation>
    </message>
    <message>
        <source>{name} holds no credit grade to downgrade.</source>
        <translation>{name}没有可降级的信用等级。</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>New grade for {name}</source>
        <translation>{name}的新等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Filled automatically from the register and credit records</source>
        <translation>以下各项由登记信息和信用记录自动取数</translation>
    </message>
    <message>
        <source>Village evaluation group: press 1, 2, 3 … for each row; Enter saves and opens the next household</source>
        <translation>村评议小组评分：每行按 1、2、3……选择；按回车保存并转到下一户</translation>
    </message>
    <message>
        <source>Save and next (Enter)</source>
        <translation>保存并下一户（回车）</translation>
    </message>
    <message>
        <source>{score} points · vetoed: {reason}</source>
        <translation>{score} 分 · 一票否决：{reason}</translation>
    </message>
    <message>
        <source>{score} points so far · {n} to answer</source>
        <translation>目前 {score} 分 · 还有 {n} 项未评</translation>
    </message>
    <message>
        <source>{score} points · {grade} {label}</source>
        <translation>{score} 分 · {grade} {label}</translation>
    </message>
    <message>
        <source>{score} points · not a credit household</source>
        <translation>{score} 分 · 未达到信用户标准</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户数</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Credit share</source>
        <translation>信用户占比</translation>
    </message>
    <message>
        <source>On-time</source>
        <translation>按时还款率</translation>
    </message>
    <message>
        <source>NPL</source>
        <translation>不良率</translation>
    </message>
    <message>
        <source>Credit village</source>
        <translation>信用村</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>_FlagsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事由</translation>
    </message>
</context>
<context>
    <name>_ObjectionsModel</name>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复人/日期</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Household is at</source>
        <translation>农户所处环节</translation>
    </message>
</context>
</TS>
