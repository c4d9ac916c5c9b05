<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>reading the register</source>
        <translation>正在读取登记信息</translation>
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
        <source>There is no rating campaign yet. Start one with &apos;credit-desk rating campaign create&apos;.</source>
        <translation>还没有评定批次。请先用“credit-desk rating campaign create”创建一个。</translation>
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
</context>
</TS>
