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
        <source>import households, members, organizations or credit records from .xlsx/.xls/.ods</source>
        <translation>从 .xlsx/.xls/.ods 导入农户、家庭成员、经营主体或信用记录</translation>
    </message>
    <message>
        <source>the workbook to import</source>
        <translation>要导入的表格文件</translation>
    </message>
    <message>
        <source>check every row and report what would happen, without importing</source>
        <translation>逐行检查并报告导入结果，但不真正导入（预演）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>rows already in the register: skip them (default), update their fields, or keep existing values and fill only empty fields</source>
        <translation>登记册中已有的行：跳过（默认）、更新字段，或保留现有值、只补填空白字段</translation>
    </message>
    <message>
        <source>the village of rows that have no village column</source>
        <translation>表中没有“村”列时，各行所属的村</translation>
    </message>
    <message>
        <source>where to write the validation report (default: beside the file)</source>
        <translation>校验报告保存位置（默认与导入文件放在一起）</translation>
    </message>
    <message>
        <source>write a blank import template with dropdowns</source>
        <translation>生成带下拉选项的空白导入模板</translation>
    </message>
    <message>
        <source>households, members, organizations or records</source>
        <translation>households（农户）、members（家庭成员）、organizations（经营主体）或 records（信用记录）</translation>
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
        <source>import of {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Sheet {sheet}: {kind}, header in row {row}.</source>
        <translation>工作表“{sheet}”：{kind}，表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>Place: {where}</source>
        <translation>区划：{where}</translation>
    </message>
    <message>
        <source>Column {column} ({header}) has data in {rows_with_data} rows but is not imported: map it to a field, or leave it out on purpose.</source>
        <translation>第 {column} 列（{header}）有 {rows_with_data} 行数据，但不会导入：请把它对应到字段，或确认不需要。</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>无表头</translation>
    </message>
    <message>
        <source>Sheet {sheet}: {note}</source>
        <translation>工作表“{sheet}”：{note}</translation>
    </message>
    <message>
        <source>Would create {created}, skip {skipped_duplicates} duplicates; {rejected} rows rejected.</source>
        <translation>预演结果：将新建 {created} 条，跳过重复 {skipped_duplicates} 条；{rejected} 行未通过校验。</translation>
    </message>
    <message>
        <source>Created {created}, updated {updated}, skipped {skipped_duplicates} duplicates; {rejected} rows rejected.</source>
        <translation>已新建 {created} 条，更新 {updated} 条，跳过重复 {skipped_duplicates} 条；{rejected} 行未通过校验。</translation>
    </message>
    <message>
        <source>Validation report: {path}</source>
        <translation>校验报告：{path}</translation>
    </message>
    <message>
        <source>Template written to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
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
        <source>Rating results</source>
        <translation>信用评定结果</translation>
    </message>
    <message>
        <source>Commitment letter status</source>
        <translation>信用承诺书状态</translation>
    </message>
    <message>
        <source>Query and use log</source>
        <translation>查询使用登记</translation>
    </message>
    <message>
        <source>Excel export: {what}</source>
        <translation>导出 Excel：{what}</translation>
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
    <message>
        <source>Hidden sheet: not imported.</source>
        <translation>隐藏的工作表，不导入。</translation>
    </message>
    <message>
        <source>Columns not found: {names}. Map them to import this sheet.</source>
        <translation>缺少以下列：{names}。请在列对应中指定后再导入此表。</translation>
    </message>
    <message>
        <source>No sheet of {name} has a header row this program recognises (e.g. 户主姓名 and 身份证号码). Use the import template, or rename the columns.</source>
        <translation>{name} 中没有能识别的表头（例如“户主姓名”和“身份证号码”）。请使用导入模板，或修改列名。</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>No household with the head&apos;s ID number {number} is in the register or in this file.</source>
        <translation>登记册和本文件中都没有户主身份证号码为 {number} 的农户。</translation>
    </message>
    <message>
        <source>Member row {row} has errors; the household is imported with all its members or not at all.</source>
        <translation>第 {row} 行家庭成员有错误；一户连同全部成员要么一起导入，要么都不导入。</translation>
    </message>
    <message>
        <source>This member row comes before any head of household row.</source>
        <translation>这一行家庭成员前面没有户主行。</translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>The ID number {number} already appears in row {row}.</source>
        <translation>身份证号码 {number} 已在第 {row} 行出现。</translation>
    </message>
    <message>
        <source>The ID number {number} is already registered in another household.</source>
        <translation>身份证号码 {number} 已登记在另一户中。</translation>
    </message>
    <message>
        <source>The ID number {number} is also listed as a member in row {row}.</source>
        <translation>身份证号码 {number} 在第 {row} 行作为家庭成员出现。</translation>
    </message>
    <message>
        <source>The ID number {number} is registered as a member of another household.</source>
        <translation>身份证号码 {number} 已作为另一户的家庭成员登记。</translation>
    </message>
    <message>
        <source>Updating existing records</source>
        <translation>正在更新已有记录</translation>
    </message>
    <message>
        <source>Someone saved changes to the register while the import was starting. Nothing was imported: import the file again.</source>
        <translation>导入开始时有人保存了对登记册的修改。本次没有导入任何内容，请重新导入该文件。</translation>
    </message>
    <message>
        <source>New negative credit record imported from a spreadsheet</source>
        <translation>从表格导入了新的失信（不良）信用记录</translation>
    </message>
    <message>
        <source>There is no village &apos;{value}&apos; in the register. Check the name, or add the village under Places first.</source>
        <translation>登记册中没有“{value}”这个村。请核对村名，或先在区划中添加该村。</translation>
    </message>
    <message>
        <source>No header row found.</source>
        <translation>没有找到表头行。</translation>
    </message>
    <message>
        <source>The ID number is stored as a number, so the spreadsheet has lost its last digits. Set the column&apos;s format to Text and type the number again from the card or the household register; it is not guessed.</source>
        <translation>身份证号码被存成了数字，表格已丢失最后几位数字。请把该列设为“文本”格式，再按身份证或户口簿重新录入；系统不会猜测补全。</translation>
    </message>
    <message>
        <source>row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>Columns not imported</source>
        <translation>未导入的列</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Rows with data</source>
        <translation>有数据的行数</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <source>Not imported. Map this column to a field in the import wizard, or leave it if it is not wanted.</source>
        <translation>未导入。如需导入，请在导入向导中把此列对应到字段；不需要则可不管。</translation>
    </message>
    <message>
        <source>Unknown template &apos;{kind}&apos;. Choose one of: {names}.</source>
        <translation>没有“{kind}”这种模板。可选：{names}。</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>请从下拉列表中选择。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>The village is missing. Fill the village column, or choose the village all rows belong to.</source>
        <translation>缺少所属村。请填写“村”列，或指定所有行所属的村。</translation>
    </message>
    <message>
        <source>{village} has no group &apos;{value}&apos;. Add the group to the village, or correct the cell.</source>
        <translation>{village}没有“{value}”这个村民小组。请先在该村下添加小组，或改正此单元格。</translation>
    </message>
    <message>
        <source>The head of household&apos;s ID number is missing.</source>
        <translation>缺少户主身份证号码。</translation>
    </message>
    <message>
        <source>The ID number or unified social credit code is missing.</source>
        <translation>缺少身份证号码或统一社会信用代码。</translation>
    </message>
    <message>
        <source>No household or organization with the number {number} is in the register. Register it first (or import it in the same file), then import its records.</source>
        <translation>登记册中没有证件号码为 {number} 的农户或经营主体。请先登记（或在同一文件中一并导入），再导入其信用记录。</translation>
    </message>
    <message>
        <source>A negative record needs a severity: write 轻微, 一般 or 严重.</source>
        <translation>失信记录须填写严重程度：轻微、一般或严重。</translation>
    </message>
    <message>
        <source>from its column</source>
        <translation>取自该列</translation>
    </message>
    <message>
        <source>from the title rows</source>
        <translation>取自标题行</translation>
    </message>
    <message>
        <source>from the sheet name</source>
        <translation>取自工作表名</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>取自文件名</translation>
    </message>
    <message>
        <source>chosen for the import</source>
        <translation>导入时选定</translation>
    </message>
    <message>
        <source>The roster names {village}, which is not in the register: add the village under Places, or choose the village.</source>
        <translation>名单写的是{village}，台账中没有这个村：请在“区划管理”中添加该村，或选择所属村。</translation>
    </message>
    <message>
        <source>{village} has no group {group} (named in the {where}): add the group under Places first.</source>
        <translation>{village}没有{group}（见{where}）：请先在“区划管理”中添加该小组。</translation>
    </message>
    <message>
        <source>title rows</source>
        <translation>标题行</translation>
    </message>
    <message>
        <source>sheet name</source>
        <translation>工作表名</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>village from its column</source>
        <translation>村取自村列</translation>
    </message>
    <message>
        <source>village not found: choose it</source>
        <translation>未找到所属村：请选择</translation>
    </message>
    <message>
        <source>group from its column</source>
        <translation>组取自组列</translation>
    </message>
</context>
<context>
    <name>ExcelPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export and templates</source>
        <translation>导出与模板</translation>
    </message>
    <message>
        <source>Choose a workbook…</source>
        <translation>选择表格文件…</translation>
    </message>
    <message>
        <source>No file chosen. .xlsx, .xls and .ods can be imported.</source>
        <translation>尚未选择文件。可导入 .xlsx、.xls 和 .ods。</translation>
    </message>
    <message>
        <source>Village: from the roster (column, title, sheet or file name)</source>
        <translation>所属村：按名单确定（村列、标题、工作表名或文件名）</translation>
    </message>
    <message>
        <source>All rows in {village}</source>
        <translation>全部行属于{village}</translation>
    </message>
    <message>
        <source>1. Check the columns</source>
        <translation>第一步：核对列对应</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首行数据</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>2. Dry run: what would happen</source>
        <translation>第二步：预演（只检查，不写入）</translation>
    </message>
    <message>
        <source>Check every row (dry run)</source>
        <translation>逐行检查（预演）</translation>
    </message>
    <message>
        <source>Nothing checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>与谁重复</translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation>不同之处</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Why it is rejected</source>
        <translation>未通过原因</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未通过的行</translation>
    </message>
    <message>
        <source>All duplicates:</source>
        <translation>全部重复项：</translation>
    </message>
    <message>
        <source>3. Import</source>
        <translation>第三步：导入</translation>
    </message>
    <message>
        <source>Import (all or nothing)</source>
        <translation>导入（全部成功或全部不导入）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open the validation report</source>
        <translation>打开校验报告</translation>
    </message>
    <message>
        <source>Export a list to Excel</source>
        <translation>把名单导出为 Excel</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Blank import template (with dropdowns)</source>
        <translation>空白导入模板（带下拉选项）</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Exports have Chinese headers, a frozen header row and number formats; text is never turned into a formula. Every export is entered in the query and use log.</source>
        <translation>导出的表格带中文表头、冻结的表头行和数字格式；文字绝不会变成公式。每次导出都记入查询使用登记。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update fields</source>
        <translation>更新字段</translation>
    </message>
    <message>
        <source>Keep existing, fill blanks</source>
        <translation>保留现有，补填空白</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>row {row} of this file</source>
        <translation>本文件第 {row} 行</translation>
    </message>
    <message>
        <source>the register</source>
        <translation>登记册</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>选择表格文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Check the columns, then run the dry run.</source>
        <translation>请核对列对应，然后预演。</translation>
    </message>
    <message>
        <source>Header found in row {row}; data from row {first}.</source>
        <translation>表头在第 {row} 行，数据从第 {first} 行开始。</translation>
    </message>
    <message>
        <source>Using the mapping you confirmed for this layout before.</source>
        <translation>已使用您上次为这种表格确认的列对应。</translation>
    </message>
    <message>
        <source>Still needed: {names}.</source>
        <translation>还缺：{names}。</translation>
    </message>
    <message>
        <source>Place: {where}.</source>
        <translation>区划：{where}。</translation>
    </message>
    <message>
        <source>Column {column} ({header}) has data in {rows} rows but is not imported: map it, or leave it out on purpose.</source>
        <translation>第 {column} 列（{header}）有 {rows} 行数据，但不会导入：请对应到字段，或确认不需要。</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>无表头</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>New: {created}. Duplicates in the file: {file}. Already in the register: {register} ({unchanged} unchanged). Rejected rows: {rejected}.</source>
        <translation>新建：{created}。文件内重复：{file}。登记册中已有：{register}（其中 {unchanged} 条无变化）。未通过：{rejected} 行。</translation>
    </message>
    <message>
        <source>The first {shown} unchanged rows are listed.</source>
        <translation>下表只列出前 {shown} 条无变化的重复行。</translation>
    </message>
    <message>
        <source>Choose what to do with each duplicate, then import.</source>
        <translation>请为每个重复项选择处理方式，然后导入。</translation>
    </message>
    <message>
        <source>Rows that did not pass are not imported (see their tab; the validation report lists them too). The others can be imported.</source>
        <translation>未通过的行不会导入（见“未通过的行”页，导入后校验报告也会列出）；其余各行可以导入。</translation>
    </message>
    <message>
        <source>Every row passed: ready to import.</source>
        <translation>所有行均已通过检查，可以导入。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {skipped} duplicates skipped, {rejected} rows rejected.</source>
        <translation>导入完成：新建 {created} 条，更新 {updated} 条，跳过重复 {skipped} 条，{rejected} 行未通过。</translation>
    </message>
    <message>
        <source>Fix the rejected rows in the validation report and import it again.</source>
        <translation>请在校验报告中改正未通过的行，再导入校验报告。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{rows} rows written to {path}.</source>
        <translation>已导出 {rows} 行到 {path}。</translation>
    </message>
    <message>
        <source>Save template as</source>
        <translation>模板另存为</translation>
    </message>
    <message>
        <source>Template saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>No sheet of {name} has a header with the village name (村名) and its code (统计代码 or 区划代码). Put them in the first row and import again.</source>
        <translation>{name} 中没有哪个工作表的表头同时有村名和代码（统计代码或区划代码）。请把它们放在第一行后重新导入。</translation>
    </message>
    <message>
        <source>The code {code} is also in row {row}.</source>
        <translation>代码 {code} 在第 {row} 行也出现了。</translation>
    </message>
</context>
</TS>
