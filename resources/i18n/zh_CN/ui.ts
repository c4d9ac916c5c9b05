<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved data is safe. Please send the details below to the township IT contact.</source>
        <translation>程序内部出错。已保存的数据是安全的。请把下面的详细信息发给乡镇信息化联系人。</translation>
    </message>
</context>
</TS>
