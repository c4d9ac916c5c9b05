<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <source>The township at a glance</source>
        <translation>全镇一览</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>正在计算各项数字…</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Households on file</source>
        <translation>在册农户</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评户数</translation>
    </message>
    <message>
        <source>Credit households</source>
        <translation>信用户</translation>
    </message>
    <message>
        <source>Credit villages</source>
        <translation>信用村</translation>
    </message>
    <message>
        <source>Loan balance</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>On-time repayment</source>
        <translation>按期还款率</translation>
    </message>
    <message>
        <source>Non-performing ratio</source>
        <translation>不良贷款率</translation>
    </message>
    <message>
        <source>Commitment letters</source>
        <translation>信用承诺书</translation>
    </message>
    <message>
        <source>Credit records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>List entries</source>
        <translation>红黑名单</translation>
    </message>
    <message>
        <source>Open objections</source>
        <translation>待处理异议</translation>
    </message>
    <message>
        <source>Repairs waiting</source>
        <translation>待审信用修复</translation>
    </message>
    <message>
        <source>County sync</source>
        <translation>县平台同步</translation>
    </message>
    <message>
        <source>Upload rate (上报率)</source>
        <translation>上报率</translation>
    </message>
    <message>
        <source>Compliance rate (合规率)</source>
        <translation>合规率</translation>
    </message>
    <message>
        <source>Timeliness rate (及时率)</source>
        <translation>及时率</translation>
    </message>
    <message>
        <source>Wrong codes per 10,000 (重错码率)</source>
        <translation>重错码率（每万户）</translation>
    </message>
    <message>
        <source>Organizations by supervision class</source>
        <translation>经营主体分级分类监管</translation>
    </message>
    <message>
        <source>Villages (double-click for the figures behind)</source>
        <translation>各村情况（双击查看明细）</translation>
    </message>
    <message>
        <source>Open objections and repairs, overdue first</source>
        <translation>待处理的异议和修复（逾期在前）</translation>
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
        <source>Households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Credit share</source>
        <translation>信用户占比</translation>
    </message>
    <message>
        <source>On-time</source>
        <translation>按期还款</translation>
    </message>
    <message>
        <source>NPL</source>
        <translation>不良率</translation>
    </message>
    <message>
        <source>Loan balance (yuan)</source>
        <translation>贷款余额（元）</translation>
    </message>
    <message>
        <source>Letters signed</source>
        <translation>已签承诺书</translation>
    </message>
    <message>
        <source>Letters outstanding</source>
        <translation>未收回承诺书</translation>
    </message>
    <message>
        <source>Credit village</source>
        <translation>信用村</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>{township} at a glance</source>
        <translation>{township}一览</translation>
    </message>
    <message>
        <source>Figures of {at}</source>
        <translation>数据时间 {at}</translation>
    </message>
    <message>
        <source> (updating…)</source>
        <translation>（正在更新…）</translation>
    </message>
    <message>
        <source>{n} villages</source>
        <translation>{n} 个村</translation>
    </message>
    <message>
        <source>{n} households; threshold {need}</source>
        <translation>{n} 户；达标线 {need}</translation>
    </message>
    <message>
        <source>credit township: yes</source>
        <translation>已达信用乡镇标准</translation>
    </message>
    <message>
        <source>credit township: not yet</source>
        <translation>尚未达到信用乡镇标准</translation>
    </message>
    <message>
        <source>yuan; {n} borrowing households</source>
        <translation>元；贷款户 {n} 户</translation>
    </message>
    <message>
        <source>need ≥ {need}</source>
        <translation>标准 ≥ {need}</translation>
    </message>
    <message>
        <source>allowed ≤ {most}</source>
        <translation>标准 ≤ {most}</translation>
    </message>
    <message>
        <source>signed; {printed} printed, {out} outstanding</source>
        <translation>份已签署；已打印 {printed} 份，未收回 {out} 份</translation>
    </message>
    <message>
        <source>positive {p}, negative {n}, neutral {z}</source>
        <translation>守信 {p}，失信 {n}，基础信息 {z}</translation>
    </message>
    <message>
        <source>red {red}, black {black}, court defaulters {court}</source>
        <translation>红名单 {red}，黑名单 {black}，失信被执行人 {court}</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>逾期 {n} 件</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>等待审定</translation>
    </message>
    <message>
        <source>changes waiting; last acknowledged {at}</source>
        <translation>条变更待上报；最近确认 {at}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{a} of {b} decisions</source>
        <translation>{b} 件决定中已上报 {a} 件</translation>
    </message>
    <message>
        <source>{a} of {b} uploaded</source>
        <translation>已上报 {b} 件中合规 {a} 件</translation>
    </message>
    <message>
        <source>within {n} days: {a} of {b}</source>
        <translation>{n} 天内上报：{b} 件中 {a} 件</translation>
    </message>
    <message>
        <source>{n} subjects; target &lt; {target}</source>
        <translation>{n} 个主体；目标 &lt; {target}</translation>
    </message>
    <message>
        <source>not rated in this campaign</source>
        <translation>本批次未评定经营主体</translation>
    </message>
    <message>
        <source>not credit</source>
        <translation>未达信用户</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>决定文书号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应报日期</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <source>check character</source>
        <translation>校验码错误</translation>
    </message>
    <message>
        <source>unknown area code</source>
        <translation>地区码不存在</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>USCC override</source>
        <translation>统一社会信用代码人工确认</translation>
    </message>
    <message>
        <source>Decisions not yet uploaded</source>
        <translation>尚未上报的决定</translation>
    </message>
    <message>
        <source>Uploaded records failing the county&apos;s field rules</source>
        <translation>已上报但不合规的记录</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Records uploaded late</source>
        <translation>逾期上报的记录</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Subjects with a duplicate or wrong code</source>
        <translation>重码或错码的信用主体</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Borrowing households</source>
        <translation>贷款户</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按期还款率</translation>
    </message>
    <message>
        <source>Overdue (yuan)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <source>NPL ratio</source>
        <translation>不良率</translation>
    </message>
    <message>
        <source>Letters printed, not signed</source>
        <translation>已打印未签署承诺书</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>GradeMix</name>
    <message>
        <source>Grade mix of rated households</source>
        <translation>已评农户等级构成</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>{n} rows</source>
        <translation>共 {n} 条</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>The month {text!r} is not a month: write it as YYYY-MM, e.g. 2026-11.</source>
        <translation>月份 {text!r} 无效：请写成“年-月”，例如 2026-11。</translation>
    </message>
    <message>
        <source>The year {text!r} is not a year: write four digits, e.g. 2026.</source>
        <translation>年份 {text!r} 无效：请写四位数字，例如 2026。</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评户数</translation>
    </message>
    <message>
        <source>Credit households</source>
        <translation>信用户</translation>
    </message>
    <message>
        <source>Credit share</source>
        <translation>信用户占比</translation>
    </message>
    <message>
        <source>Borrowing</source>
        <translation>贷款户</translation>
    </message>
    <message>
        <source>Loan balance (yuan)</source>
        <translation>贷款余额（元）</translation>
    </message>
    <message>
        <source>NPL ratio</source>
        <translation>不良率</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按期还款率</translation>
    </message>
    <message>
        <source>Letters signed</source>
        <translation>已签承诺书</translation>
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
    <message>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信用承诺书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Printed, not yet signed (outstanding)</source>
        <translation>已打印未收回</translation>
    </message>
    <message>
        <source>Signed and collected</source>
        <translation>已签署收回</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>草拟</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Printed in the period</source>
        <translation>本期打印</translation>
    </message>
    <message>
        <source>Signed in the period</source>
        <translation>本期签署</translation>
    </message>
    <message>
        <source>Broken in the period</source>
        <translation>本期违约</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>守信</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>失信</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>基础信息</translation>
    </message>
    <message>
        <source>Entered in the period</source>
        <translation>本期录入</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Upload rate (上报率)</source>
        <translation>上报率</translation>
    </message>
    <message>
        <source>Compliance rate (合规率)</source>
        <translation>合规率</translation>
    </message>
    <message>
        <source>Timeliness rate (及时率, within {n} {days})</source>
        <translation>及时率（{n}{days}内）</translation>
    </message>
    <message>
        <source>Duplicate or wrong codes per 10,000 (重错码率)</source>
        <translation>重错码率（每万户）</translation>
    </message>
    <message>
        <source>{township} credit work statistics, {period}</source>
        <translation>{township}信用工作统计表（{period}）</translation>
    </message>
    <message>
        <source>{villages} villages, {households} households on file, {rated} rated, {credit} credit households ({share}); {credit_villages} credit villages. Loan balance {balance} yuan, NPL ratio {npl}, on-time rate {on_time}. Upload rate {upload}, compliance rate {compliance}, timeliness rate {timeliness}; duplicate or wrong codes {codes} per 10,000.</source>
        <translation>全镇共{villages}个村，在册农户{households}户，已评定{rated}户，信用户{credit}户（占{share}），信用村{credit_villages}个。贷款余额{balance}元，不良率{npl}，按期还款率{on_time}。双公示上报率{upload}，合规率{compliance}，及时率{timeliness}；重错码率每万户{codes}。</translation>
    </message>
    <message>
        <source>1. Households and ratings by village</source>
        <translation>一、各村农户与评定情况</translation>
    </message>
    <message>
        <source>2. Loans and letters by village</source>
        <translation>二、各村贷款与承诺书情况</translation>
    </message>
    <message>
        <source>3. Commitment letters</source>
        <translation>三、信用承诺书</translation>
    </message>
    <message>
        <source>4. Credit records by category</source>
        <translation>四、信用记录分类统计</translation>
    </message>
    <message>
        <source>5. What the county measures</source>
        <translation>五、县平台考核指标</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>各村</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>County measures</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>credit work statistics</source>
        <translation>信用工作统计</translation>
    </message>
</context>
<context>
    <name>StatsCLI</name>
    <message>
        <source>township statistics and the county&apos;s measures (upload, compliance, timeliness, wrong codes)</source>
        <translation>全镇统计与县平台考核指标（上报率、合规率、及时率、重错码率）</translation>
    </message>
    <message>
        <source>the month reported (default: this month)</source>
        <translation>统计月份（默认本月）</translation>
    </message>
    <message>
        <source>the year reported</source>
        <translation>统计年度</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>write the statistics to FILE.pdf (official form) or FILE.xlsx</source>
        <translation>将统计表写入 FILE.pdf（公文格式）或 FILE.xlsx</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行“credit-desk demo”或启动程序新建。</translation>
    </message>
    <message>
        <source>Write the statistics to a file ending in .pdf or .xlsx, not {name}.</source>
        <translation>统计表只能写入 .pdf 或 .xlsx 文件，不能写入 {name}。</translation>
    </message>
</context>
<context>
    <name>Trend</name>
    <message>
        <source>Per month: records entered (blue), letters signed (green)</source>
        <translation>每月录入信用记录（蓝）和签署承诺书（绿）</translation>
    </message>
</context>
</TS>
