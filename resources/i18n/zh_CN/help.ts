<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Township Credit Desk</source>
        <translation>关于乡镇信用工作台</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Township Credit Desk&lt;/h2&gt;Version {version}</source>
        <translation>&lt;h2&gt;乡镇信用工作台&lt;/h2&gt;版本 {version}</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}, {system}</source>
        <translation>Python {python}，Qt {qt}，PySide6 {pyside}，{system}</translation>
    </message>
    <message>
        <source>Fonts and libraries in this program, and their licences:</source>
        <translation>本程序包含的字体和软件库及其许可证：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Full licence texts</source>
        <translation>许可证全文</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>About Township Credit Desk</source>
        <translation>关于乡镇信用工作台</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>Open in the web browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
