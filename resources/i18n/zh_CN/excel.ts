<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Excel</name>
    <message>
        <source>export a list to .xlsx</source>
        <translation>把名单导出为 .xlsx</translation>
    </message>
    <message>
        <source>what to export: households, members, organizations, records, ratings, letters, query_log</source>
        <translation>导出内容：households（农户）、members（家庭成员）、organizations（经营主体）、records（信用记录）、ratings（评定结果）、letters（承诺书状态）、query_log（查询使用登记）</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行 “credit-desk demo”，或启动程序新建登记册。</translation>
    </message>
    <message>
        <source>{rows} rows written to {path}.</source>
        <translation>已导出 {rows} 行到 {path}。</translation>
    </message>
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
    <message>
        <source>Households</source>
        <translation>农户名单</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>经营主体名单</translation>
    </message>
    <message>
        <source>Credit records</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Unknown export &apos;{kind}&apos;. Choose one of: {names}.</source>
        <translation>没有“{kind}”这种导出。可选：{names}。</translation>
    </message>
    <message>
        <source>{name} is protected with a password. Remove the password in Excel or WPS and import again.</source>
        <translation>{name} 设有密码。请在 Excel 或 WPS 中取消密码后再导入。</translation>
    </message>
    <message>
        <source>{name} cannot be read: the file is damaged or is not a spreadsheet (.xlsx, .xls or .ods). Open it in Excel or WPS, save it again as .xlsx and import that copy.</source>
        <translation>无法读取 {name}：文件已损坏，或者不是表格文件（.xlsx、.xls 或 .ods）。请用 Excel 或 WPS 打开，另存为 .xlsx 后导入另存的文件。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} cannot be opened: {error}</source>
        <translation>无法打开文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{name} is {mb} MB; files over {limit} MB are refused. Split the roster into several files.</source>
        <translation>{name} 有 {mb} MB，超过 {limit} MB 的文件不予导入。请把名单拆成几个文件。</translation>
    </message>
    <message>
        <source>{name} was refused: it would unpack to far more data than any roster (a &quot;zip bomb&quot;). Do not open it; ask whoever sent it for the original file.</source>
        <translation>已拒绝 {name}：它解压后的数据量远超任何名单（“zip 炸弹”）。请不要打开它，向发送人索取原始文件。</translation>
    </message>
    <message>
        <source>{name} was refused: its part {member} declares XML entities (DOCTYPE), which spreadsheets never need and attacks use. Ask whoever sent it for the original file.</source>
        <translation>已拒绝 {name}：其中的 {member} 声明了 XML 实体（DOCTYPE），正常表格从不需要，攻击文件才会这样做。请向发送人索取原始文件。</translation>
    </message>
</context>
</TS>
