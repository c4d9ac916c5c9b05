# Build the Windows installer of Township Credit Desk (乡镇信用工作台).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (jrsoftware.org)
# with its Chinese (Simplified) translation. Produces dist\乡镇信用工作台-安装-<version>.exe.
# Not built or run in CI (Linux only); see docs/packaging.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv-build\Scripts\python.exe")) { py -3 -m venv .venv-build }
$python = ".venv-build\Scripts\python.exe"
& $python -m pip install -q --disable-pip-version-check -e ".[packaging]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# Windows installs a few more distributions than Linux (click brings colorama):
# regenerate the notices for what this bundle really contains.
& $python packaging\notices.py
& $python packaging\build.py
if ($LASTEXITCODE -ne 0) { throw "packaging\build.py failed" }

# The frozen program must start before it is packed.
& dist\credit-desk\credit-desk.exe --version
if ($LASTEXITCODE -ne 0) { throw "the bundle does not start" }

$version = (& $python packaging\project.py).Trim()
$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
          "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) not found" }
# The Chinese (Simplified) messages are an Inno Setup translation that its installer
# does not put in place: download ChineseSimplified.isl from
# https://jrsoftware.org/files/istrans/ into the Languages folder beside ISCC.exe.
$isl = Join-Path (Split-Path $iscc) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $isl)) { throw "missing $isl (see the comment above this line)" }
& $iscc "/DAppVersion=$version" packaging\windows\credit-desk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\乡镇信用工作台-安装-$version.exe"
