<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CLI</name>
    <message>
        <source>No register in {path}. Run &apos;credit-desk demo&apos; or start the app to create one.</source>
        <translation>{path} 中没有登记册。请运行 “credit-desk demo” 或启动程序新建。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>send changes to the county and fetch its lists (sync --url URL, --to-file DIR, --receipt FILE, or an action)</source>
        <translation>向县里上报变更并取回名单（sync --url 地址、--to-file 文件夹、--receipt 回执文件，或一个操作）</translation>
    </message>
    <message>
        <source>county server address: push, then pull</source>
        <translation>县平台地址：先上报，再取回</translation>
    </message>
    <message>
        <source>write unacknowledged batches to a folder or .zip (USB transport)</source>
        <translation>把未确认的批次写到文件夹或 .zip（U 盘传递）</translation>
    </message>
    <message>
        <source>import receipt files from the county (file, folder or .zip)</source>
        <translation>导入县里的回执文件（文件、文件夹或 .zip）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>register this device&apos;s key with the county</source>
        <translation>向县平台登记本机密钥</translation>
    </message>
    <message>
        <source>enrol over the network</source>
        <translation>通过网络登记</translation>
    </message>
    <message>
        <source>no network: write the enrolment request file for the county (file or folder)</source>
        <translation>无网络时：写出交给县平台的登记申请文件（文件或文件夹）</translation>
    </message>
    <message>
        <source>no network: read the county&apos;s approval file (.ctapproval)</source>
        <translation>无网络时：读取县平台的批准文件（.ctapproval）</translation>
    </message>
    <message>
        <source>upload every unacknowledged change</source>
        <translation>上报所有未确认的变更</translation>
    </message>
    <message>
        <source>what is pending, sent, acknowledged, failed</source>
        <translation>查看待上报、已发送、已确认、失败的情况</translation>
    </message>
    <message>
        <source>write batch files for a USB stick</source>
        <translation>导出批次文件（U 盘传递）</translation>
    </message>
    <message>
        <source>import county receipts</source>
        <translation>导入县里的回执</translation>
    </message>
    <message>
        <source>fetch and apply county list and policy updates</source>
        <translation>取回并应用县里下发的名单和政策</translation>
    </message>
    <message>
        <source>apply county packages brought on a USB stick</source>
        <translation>应用 U 盘带回的县里下发数据包</translation>
    </message>
    <message>
        <source>show this device&apos;s and the county&apos;s key ids</source>
        <translation>显示本机和县平台的密钥编号</translation>
    </message>
    <message>
        <source>list records changed here and at the county</source>
        <translation>列出本地和县里都修改过的记录（冲突）</translation>
    </message>
    <message>
        <source>settle a conflict</source>
        <translation>处理一条冲突</translation>
    </message>
    <message>
        <source>set county address, auto-sync, batch size</source>
        <translation>设置县平台地址、自动同步、批次大小</translation>
    </message>
    <message>
        <source>Wrote the enrolment request {path}. Take it to the county IT team; bring back their approval file and run: credit-desk sync enroll --approval-file FILE</source>
        <translation>已写出登记申请 {path}。请交给县平台技术人员；带回他们的批准文件后运行：credit-desk sync enroll --approval-file 文件</translation>
    </message>
    <message>
        <source>the reference county receiver (serve, summary, approve, revoke, receive, enrol, export-downlink, publish-list, publish-policy, correct, refusals)</source>
        <translation>参考县级接收端（serve 运行、summary 汇总、approve 批准、revoke 吊销、receive 接收文件、enrol 文件登记、export-downlink 导出下发包、publish-list 下发名单、publish-policy 下发政策、correct 更正、refusals 拒收记录）</translation>
    </message>
    <message>
        <source>folder of the county database and key</source>
        <translation>县级数据库和密钥所在的文件夹</translation>
    </message>
    <message>
        <source>PostgreSQL database of the county (postgresql://user@host/db); default: a SQLite file in the data folder</source>
        <translation>县级 PostgreSQL 数据库（postgresql://用户@主机/库名）；默认：数据文件夹中的 SQLite 文件</translation>
    </message>
    <message>
        <source>accept new device keys at once (trials and tests)</source>
        <translation>新设备密钥立即生效（试运行和测试用）</translation>
    </message>
    <message>
        <source>The database URL must begin with postgresql:// (or sqlite: and a file path).</source>
        <translation>数据库地址必须以 postgresql:// 开头（或 sqlite: 加文件路径）。</translation>
    </message>
    <message>
        <source>Enrolled device {device} (key {key}) with county {county} (county key {ckey}); status: {status}.</source>
        <translation>本机 {device}（密钥 {key}）已在县平台 {county}（县平台密钥 {ckey}）登记；状态：{status}。</translation>
    </message>
    <message>
        <source>Sent {batches} batches ({changes} changes); {pending} changes still pending; {conflicts} conflicts.</source>
        <translation>已上报 {batches} 个批次（{changes} 条变更）；仍有 {pending} 条待上报；冲突 {conflicts} 条。</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Pending changes: {pending} ({unpacked} not yet packed). Batches: {p} pending, {s} sent, {a} acknowledged, {f} failed. Open conflicts: {c}. Last sync: {last}.</source>
        <translation>待上报变更：{pending} 条（其中 {unpacked} 条尚未打包）。批次：待发送 {p}，已发送 {s}，已确认 {a}，失败 {f}。未处理冲突：{c}。上次同步：{last}。</translation>
    </message>
    <message>
        <source>Wrote {batches} batch files ({changes} changes) to {target}. Bring back the county&apos;s receipt files and import them.</source>
        <translation>已把 {batches} 个批次文件（{changes} 条变更）写到 {target}。请把县里的回执文件带回并导入。</translation>
    </message>
    <message>
        <source>{n} batches acknowledged, {already} already acknowledged, {c} conflicts.</source>
        <translation>确认了 {n} 个批次，{already} 个此前已确认，冲突 {c} 条。</translation>
    </message>
    <message>
        <source>Refused {file}: {reason}</source>
        <translation>拒收 {file}：{reason}</translation>
    </message>
    <message>
        <source>The county refused {file}: {reason}</source>
        <translation>县平台拒收 {file}：{reason}</translation>
    </message>
    <message>
        <source>Applied {packages} county packages: {list_entries} list entries, {policies} policies; {flagged} subjects flagged for review.</source>
        <translation>已应用县里下发的 {packages} 个数据包：名单条目 {list_entries} 条，政策 {policies} 项；{flagged} 个信用主体已标记待复核。</translation>
    </message>
    <message>
        <source>Device {device_id}: key {key_id}. County key: {county_key_id}.</source>
        <translation>本机 {device_id}：密钥 {key_id}。县平台密钥：{county_key_id}。</translation>
    </message>
    <message>
        <source>Resolved; the choice goes to the county with the next push.</source>
        <translation>已处理；下次上报时把处理结果报给县里。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1.</source>
        <translation>批次大小至少为 1。</translation>
    </message>
    <message>
        <source>County server on http://{host}:{port} (key {key}); Ctrl+C stops it.</source>
        <translation>县级接收端运行于 http://{host}:{port}（密钥 {key}）；按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Name the device id.</source>
        <translation>请给出设备编号。</translation>
    </message>
    <message>
        <source>the batch file is damaged or not a batch</source>
        <translation>批次文件已损坏或不是批次文件</translation>
    </message>
    <message>
        <source>the batch was sent under another number</source>
        <translation>批次的编号与发送的编号不一致</translation>
    </message>
    <message>
        <source>the county does not know this device; enrol it again</source>
        <translation>县平台不认识本机，请重新登记</translation>
    </message>
    <message>
        <source>the county has not yet approved this device; ask the county IT team to approve it</source>
        <translation>县平台尚未批准本机，请联系县里信息技术人员批准</translation>
    </message>
    <message>
        <source>the county revoked this device&apos;s key; ask the county IT team</source>
        <translation>县平台已吊销本机密钥，请联系县里信息技术人员</translation>
    </message>
    <message>
        <source>the signature does not match the key the county holds for this device</source>
        <translation>签名与县平台登记的本机密钥不符</translation>
    </message>
    <message>
        <source>the batch was changed or cut off on the way</source>
        <translation>批次在传递中被改动或不完整</translation>
    </message>
    <message>
        <source>the county already holds a different batch under this number</source>
        <translation>县平台在这个编号下已收到另一份不同的批次</translation>
    </message>
    <message>
        <source>an earlier batch has not reached the county yet</source>
        <translation>前面的批次县平台还没有收到</translation>
    </message>
    <message>
        <source>changes of this batch reached the county before in another batch</source>
        <translation>这个批次中的变更此前已随另一个批次到达县平台</translation>
    </message>
    <message>
        <source>this device is enrolled at the county with another key</source>
        <translation>本机在县平台登记的是另一把密钥</translation>
    </message>
    <message>
        <source>the batch is larger than the county accepts; use a smaller batch size</source>
        <translation>批次超过县平台允许的大小，请调小批次大小</translation>
    </message>
    <message>
        <source>the county no longer takes batches of this version; update Township Credit Desk</source>
        <translation>县平台已不再接收此版本的批次；请升级乡镇信用工作台</translation>
    </message>
    <message>
        <source>the county cannot open this batch&apos;s encryption; update Township Credit Desk</source>
        <translation>县平台无法解开此批次的加密；请升级乡镇信用工作台</translation>
    </message>
    <message>
        <source>the batch is encrypted to another county key; enrol again with this county</source>
        <translation>此批次是按另一个县平台密钥加密的；请向本县平台重新登记</translation>
    </message>
    <message>
        <source>the batch holds a number the protocol does not allow (a fraction)</source>
        <translation>批次中含有协议不允许的数字（小数）</translation>
    </message>
    <message>
        <source>the county wants a signed request; update Township Credit Desk</source>
        <translation>县平台要求签名请求；请升级乡镇信用工作台</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is far from the county&apos;s; set the date and time</source>
        <translation>本机时钟与县平台相差过大；请校准日期和时间</translation>
    </message>
    <message>
        <source>The county refused: {reason} ({code}: {message})</source>
        <translation>县平台拒收：{reason}（{code}：{message}）</translation>
    </message>
    <message>
        <source>The county server cannot be reached: {why}. The changes stay in the outbox; try again later.</source>
        <translation>连不上县平台：{why}。变更仍保留在待上报队列中，请稍后再试。</translation>
    </message>
    <message>
        <source>The county server reported an error (HTTP {status}: {message}). Nothing was lost; the changes stay in the outbox. If it persists, tell the county IT team.</source>
        <translation>县平台服务器出错（HTTP {status}：{message}）。数据未丢失，变更仍保留在待上报队列中。如一直出现，请告知县平台技术人员。</translation>
    </message>
    <message>
        <source>The county server at {url} has key {new}, but this register trusts county key {old}. Nothing was sent. Ask the county IT team; do not send anything until they confirm.</source>
        <translation>{url} 的县平台密钥为 {new}，但本台账信任的县平台密钥是 {old}。未发送任何数据。请联系县平台技术人员，确认之前不要发送。</translation>
    </message>
    <message>
        <source>Enter the county server address, beginning with http:// or https://.</source>
        <translation>请输入县平台地址，以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>awaiting the county&apos;s approval</source>
        <translation>等待县里批准</translation>
    </message>
    <message>
        <source>revoked by the county</source>
        <translation>已被县里吊销</translation>
    </message>
    <message>
        <source>No county server address is set. Give --url or set it on the sync page.</source>
        <translation>还没有设置县平台地址。请用 --url 给出，或在“数据同步”页面设置。</translation>
    </message>
    <message>
        <source>The county&apos;s encryption key is not signed by the county key; nothing was sent. Tell the county IT team.</source>
        <translation>县平台的加密密钥没有县平台密钥的签名；未发送任何数据。请告知县平台技术人员。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <source>{path} is not a county approval file: {why}</source>
        <translation>{path} 不是县平台批准文件：{why}</translation>
    </message>
    <message>
        <source>The approval file&apos;s signature does not verify; it was altered. Ask the county for a new one.</source>
        <translation>批准文件的签名验证不通过，文件已被改动。请向县平台重新索取。</translation>
    </message>
    <message>
        <source>The approval file is for another device ({device}).</source>
        <translation>此批准文件属于另一台设备（{device}）。</translation>
    </message>
    <message>
        <source>Sending batch {n}</source>
        <translation>正在上报第 {n} 批</translation>
    </message>
    <message>
        <source>Applying county package {n}</source>
        <translation>正在应用县里下发的第 {n} 个数据包</translation>
    </message>
    <message>
        <source>The county sent a change of an unknown kind of record ({entity}).</source>
        <translation>县里下发了一种本程序不认识的记录类型（{entity}）的变更。</translation>
    </message>
    <message>
        <source>The record is no longer in this register; it cannot be updated from the county&apos;s version.</source>
        <translation>这条记录已不在本登记册中，无法按县里的版本更新。</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <translation>这条冲突已不存在。</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>这条冲突已经处理过了。</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>红名单</translation>
    </message>
    <message>
        <source>black list (serious dishonesty)</source>
        <translation>黑名单（严重失信主体）</translation>
    </message>
    <message>
        <source>court-judgment defaulters</source>
        <translation>失信被执行人</translation>
    </message>
    <message>
        <source>Not a county package: {why}</source>
        <translation>不是县里下发的数据包：{why}</translation>
    </message>
    <message>
        <source>The county package&apos;s signature does not verify with the county key; nothing of it was applied.</source>
        <translation>县里数据包的签名与县平台密钥不符，未应用其中任何内容。</translation>
    </message>
    <message>
        <source>The county package was changed or cut off on the way (its content does not match its signed manifest); nothing of it was applied.</source>
        <translation>县里数据包在传递中被改动或不完整（内容与签名清单不符），未应用其中任何内容。</translation>
    </message>
    <message>
        <source>County package {n} cannot be applied before package {missing}.</source>
        <translation>第 {n} 个县里数据包须在第 {missing} 个之后应用。</translation>
    </message>
    <message>
        <source>{entity}: the county may not correct this kind of record</source>
        <translation>{entity}：县平台无权更正此类记录</translation>
    </message>
    <message>
        <source>{entity}: a correction needs the record&apos;s id and data</source>
        <translation>{entity}：更正必须带有记录编号和数据</translation>
    </message>
    <message>
        <source>{field}: the county may not change this field</source>
        <translation>{field}：县平台无权修改此项</translation>
    </message>
    <message>
        <source>A county correction of {what} was not applied: {why}</source>
        <translation>县里对“{what}”的更正未采用：{why}</translation>
    </message>
    <message>
        <source>A list entry of the county package lacks its id, list kind, name, number or date; nothing of the package was applied.</source>
        <translation>县里数据包中有名单条目缺少编号、名单类别、名称、证件号码或日期，整个数据包未应用。</translation>
    </message>
    <message>
        <source>County list: {list}, {basis}</source>
        <translation>县里下发名单：{list}，依据：{basis}</translation>
    </message>
    <message>
        <source>Removed from county list: {list}</source>
        <translation>已移出县里名单：{list}</translation>
    </message>
    <message>
        <source>This register does not hold the county&apos;s encryption key yet. Enrol again (over the network, or with the county&apos;s approval file) before sending anything.</source>
        <translation>本台账尚未取得县平台的加密密钥。发送前请重新登记（通过网络，或使用县平台的批准文件）。</translation>
    </message>
    <message>
        <source>The register has no township yet; create the township before sending anything to the county.</source>
        <translation>登记册中还没有乡镇，请先建立乡镇再向县里上报。</translation>
    </message>
    <message>
        <source>Packing batches</source>
        <translation>正在打包批次</translation>
    </message>
    <message>
        <source>This register is not enrolled with a county yet. Enrol it with the county first (on the sync page, or sync enroll).</source>
        <translation>本登记册还没有在县平台登记。请先向县平台登记（在“同步”页，或用 sync enroll）。</translation>
    </message>
    <message>
        <source>The receipt is not a county receipt file: {why}</source>
        <translation>这不是县平台的回执文件：{why}</translation>
    </message>
    <message>
        <source>The receipt&apos;s signature does not verify with the county key; it was altered or not made by the county.</source>
        <translation>回执签名与县平台密钥不符：回执被改动过，或不是县平台出具的。</translation>
    </message>
    <message>
        <source>The receipt is for another device ({device}).</source>
        <translation>这份回执属于另一台设备（{device}）。</translation>
    </message>
    <message>
        <source>The receipt is for batch {sequence}, which this register never packed.</source>
        <translation>这份回执对应第 {sequence} 批，但本登记册从未打包过这一批。</translation>
    </message>
    <message>
        <source>The receipt does not match batch {sequence}: the county took different bytes under that number.</source>
        <translation>回执与第 {sequence} 批不符：县平台在该编号下收到的内容与本机的不同。</translation>
    </message>
    <message>
        <source>The receipt for batch {sequence} does not list every change of the batch.</source>
        <translation>第 {sequence} 批的回执没有逐条列出该批的全部变更。</translation>
    </message>
    <message>
        <source>Writing batch files</source>
        <translation>正在写批次文件</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>No receipt files (.ctreceipt) or refusals (.refused.json) in {path}.</source>
        <translation>{path} 中没有回执文件（.ctreceipt）或拒收说明（.refused.json）。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>County sync</source>
        <translation>县平台数据同步</translation>
    </message>
    <message>
        <source>Save and enrol</source>
        <translation>保存并登记</translation>
    </message>
    <message>
        <source>Sync by itself when the county is reachable</source>
        <translation>能连上县平台时自动同步</translation>
    </message>
    <message>
        <source>County platform</source>
        <translation>县公共信用信息平台</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Changes per batch</source>
        <translation>每批变更条数</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Write enrolment request…</source>
        <translation>写出登记申请…</translation>
    </message>
    <message>
        <source>Read county approval…</source>
        <translation>读取县平台批准文件…</translation>
    </message>
    <message>
        <source>Without network</source>
        <translation>无网络时</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export batches to USB…</source>
        <translation>导出批次到 U 盘…</translation>
    </message>
    <message>
        <source>Import receipts…</source>
        <translation>导入回执…</translation>
    </message>
    <message>
        <source>Import county package…</source>
        <translation>导入县里下发数据包…</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更条数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Packed at</source>
        <translation>打包时间</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This register</source>
        <translation>本登记册</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县里</translation>
    </message>
    <message>
        <source>Keep this register&apos;s version</source>
        <translation>保留本登记册的版本</translation>
    </message>
    <message>
        <source>Take the county&apos;s version</source>
        <translation>采用县里的版本</translation>
    </message>
    <message>
        <source>Nothing is overwritten until you choose.</source>
        <translation>在您选择之前，两边的内容都不会被覆盖。</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Syncing by itself…</source>
        <translation>正在自动同步…</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sent, awaiting receipt</source>
        <translation>已发送，等待回执</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>awaiting the county&apos;s approval</source>
        <translation>等待县里批准</translation>
    </message>
    <message>
        <source>revoked by the county</source>
        <translation>已被县里吊销</translation>
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
        <source>Household member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>List entry</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <source>Waiting for the county: {pending} changes ({unpacked} not yet in a batch). Batches: {p} pending, {s} sent, {a} acknowledged, {f} failed. Open conflicts: {c}. Last sync: {last}.</source>
        <translation>待上报：{pending} 条变更（其中 {unpacked} 条尚未打包）。批次：待发送 {p}，已发送 {s}，已确认 {a}，失败 {f}。未处理冲突：{c}。上次同步：{last}。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Not enrolled with a county yet: enter its address and enrol.</source>
        <translation>尚未在县平台登记：请填写县平台地址并登记。</translation>
    </message>
    <message>
        <source>not made yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>this device {mine} · county {county}</source>
        <translation>本机 {mine} · 县平台 {county}</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancelled. What the county already acknowledged stays acknowledged; the rest is sent next time.</source>
        <translation>已取消。县里已确认的批次仍然有效，其余的下次再发送。</translation>
    </message>
    <message>
        <source>Sent {batches} batches ({changes} changes); {pending} changes still waiting; {conflicts} conflicts.</source>
        <translation>已上报 {batches} 个批次（{changes} 条变更）；仍有 {pending} 条待上报；冲突 {conflicts} 条。</translation>
    </message>
    <message>
        <source>From the county: {packages} packages, {entries} list entries, {policies} policies, {flagged} households flagged for review.</source>
        <translation>县里下发：{packages} 个数据包，名单条目 {entries} 条，政策 {policies} 项，{flagged} 个信用主体已标记待复核。</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Enrolled with county {county}; status: {status}. County key {key}: compare it with the one the county announced.</source>
        <translation>已在县平台 {county} 登记；状态：{status}。县平台密钥 {key}：请与县里公布的密钥编号核对。</translation>
    </message>
    <message>
        <source>Wrote {batches} batch files ({changes} changes) to {target}. Bring back the county&apos;s receipt files and import them.</source>
        <translation>已把 {batches} 个批次文件（{changes} 条变更）写到 {target}。请把县里的回执文件带回并导入。</translation>
    </message>
    <message>
        <source>{n} batches acknowledged, {already} already acknowledged, {c} conflicts.</source>
        <translation>确认了 {n} 个批次，{already} 个此前已确认，冲突 {c} 条。</translation>
    </message>
    <message>
        <source>Refused {file}: {reason}</source>
        <translation>拒收 {file}：{reason}</translation>
    </message>
    <message>
        <source>The county refused {file}: {reason}</source>
        <translation>县平台拒收 {file}：{reason}</translation>
    </message>
    <message>
        <source>Resolved; the choice goes to the county with the next sync.</source>
        <translation>已处理；下次同步时把处理结果报给县里。</translation>
    </message>
    <message>
        <source>Wrote the enrolment request {path}. Take it to the county IT team and bring back their approval file.</source>
        <translation>已写出登记申请 {path}。请交给县平台技术人员，并带回他们的批准文件。</translation>
    </message>
    <message>
        <source>Folder for the enrolment request</source>
        <translation>登记申请保存到的文件夹</translation>
    </message>
    <message>
        <source>County approval</source>
        <translation>县平台批准文件</translation>
    </message>
    <message>
        <source>County approvals (*.ctapproval)</source>
        <translation>县平台批准文件 (*.ctapproval)</translation>
    </message>
    <message>
        <source>Folder on the USB stick</source>
        <translation>U 盘上的文件夹</translation>
    </message>
    <message>
        <source>Folder with the county&apos;s receipt files</source>
        <translation>存放县里回执文件的文件夹</translation>
    </message>
    <message>
        <source>County package</source>
        <translation>县里下发数据包</translation>
    </message>
    <message>
        <source>County packages (*.ctdownlink *.zip)</source>
        <translation>县里下发数据包 (*.ctdownlink *.zip)</translation>
    </message>
    <message>
        <source>The county was not reachable; will try again later.</source>
        <translation>连不上县平台，稍后会再试。</translation>
    </message>
</context>
</TS>
