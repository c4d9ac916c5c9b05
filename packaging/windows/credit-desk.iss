; Inno Setup 6 script for Township Credit Desk (乡镇信用工作台) on Windows.
; Saved as UTF-8 with a byte-order mark: without it Inno Setup reads the file in
; the machine's ANSI code page and the Chinese texts break.
; Built by packaging\windows\build.ps1 on a Windows machine, after packaging\build.py
; has made dist\credit-desk\ (docs/packaging.md). The version is not written here:
; build.ps1 passes it from app/__init__.py as /DAppVersion=...
;
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\CreditDesk. The users' registers are in their data folder
; (%LOCALAPPDATA%\credit-desk, platformdirs), which this installer never installs
; into, so uninstalling leaves it; an upgrade copies the register into its
; backups folder before replacing the program.

#ifndef AppVersion
  #error Pass the version from the project: ISCC /DAppVersion=x.y.z (build.ps1 does)
#endif
#define AppName "乡镇信用工作台"
#define AppExe "credit-desk-window.exe"
#define DataFolder "{localappdata}\credit-desk"

[Setup]
; The same AppId for every version: a new installer upgrades the old one in place.
AppId={{6E0F3B52-5C1D-4B7A-9E57-2C6D8A1F4B3D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=乡镇信用工作台
DefaultDirName={autopf}\CreditDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=乡镇信用工作台-安装-{#AppVersion}
SetupIconFile=..\..\resources\icons\credit-desk.ico
UninstallDisplayIcon={app}\credit-desk.exe
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; A running copy holds its files open: ask to close it rather than fail half way.
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#AppVersion}

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\..\dist\credit-desk\credit-desk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\dist\credit-desk\credit-desk-window.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\dist\credit-desk\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of the previous version's bundle that this one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\_internal\resources\icons\credit-desk.ico"
Name: "{autoprograms}\{#AppName} 用户手册"; Filename: "{app}\_internal\resources\manual\index.html"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\_internal\resources\icons\credit-desk.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the data folder {#DataFolder} is the users', and stays.

[Code]
{ Before an upgrade replaces the program, copy the register (and its write-ahead
  log, which holds the latest saves until the next checkpoint) into the data
  folder's backups, named with the old and new version and the time. }
function BackupRegister(): Boolean;
var
  Data, Backups, Stamp, Target: String;
begin
  Result := True;
  Data := ExpandConstant('{#DataFolder}');
  if not FileExists(Data + '\register.sqlite3') then
    exit;
  Backups := Data + '\backups';
  ForceDirectories(Backups);
  Stamp := GetDateTimeString('yyyymmdd-hhnnss', '-', '-');
  Target := Backups + '\before-upgrade-{#AppVersion}-' + Stamp;
  Result := FileCopy(Data + '\register.sqlite3', Target + '.sqlite3', True);
  if Result and FileExists(Data + '\register.sqlite3-wal') then
    Result := FileCopy(Data + '\register.sqlite3-wal', Target + '.sqlite3-wal', True);
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  Result := '';
  if not BackupRegister() then
    Result := '无法备份登记册（' + ExpandConstant('{#DataFolder}') +
              '）。请确认程序已关闭、磁盘有空间，然后重新运行安装程序。';
end;
