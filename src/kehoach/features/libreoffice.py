"""Finding LibreOffice wherever it is installed, and telling the clerk how to install it on their system.

Windows installers do not add LibreOffice to PATH. Its MSI registers `soffice.exe` under the registry's
App Paths (the key Windows itself reads for "Run" and `start soffice`), for the machine (HKLM) or for one
user (HKCU); it installs to Program Files, Program Files (x86) for a 32-bit build, the user's
%LOCALAPPDATA%\\Programs for a per-user install, and to whatever drive the clerk picked. Each is tried in
that order. On macOS the app bundle sits in /Applications or ~/Applications.
"""

from __future__ import annotations

import os
import shutil
import string
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PureWindowsPath

DOWNLOAD = "https://www.libreoffice.org/download/"
INSTALL_DEBIAN = "sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2"
INSTALL_FEDORA = "sudo dnf install -y libreoffice-writer liberation-serif-fonts"
INSTALL_WINGET = "winget install -e --id TheDocumentFoundation.LibreOffice"
INSTALL_CHOCO = "choco install -y libreoffice-fresh"
INSTALL_BREW = "brew install --cask libreoffice"

#: The registry keys an installer writes the program's full path under (default value).
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe"
#: LibreOffice's own key: the default value is its `program` folder.
UNO_INSTALL = r"SOFTWARE\LibreOffice\UNO\InstallPath"
_PROGRAM = PureWindowsPath("program", "soffice.exe")
_MAC_BUNDLE = "LibreOffice.app/Contents/MacOS/soffice"


def find(platform: str | None = None, environ: Mapping[str, str] | None = None,
         is_file: Callable[[str], bool] | None = None, registry=None) -> str | None:
    """The LibreOffice program (soffice): on PATH, else where its installer puts it on Windows and macOS.

    The arguments default to this machine; tests pass another system's (a PureWindowsPath world).
    """
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    is_file = is_file or os.path.isfile
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    for place in candidates(platform, environ, registry):
        if is_file(place):
            return place
    return None


def candidates(platform: str, environ: Mapping[str, str], registry=None) -> list[str]:
    """Where LibreOffice may be, most likely first (the registry, then the usual folders on every drive)."""
    if platform == "darwin":
        home = environ.get("HOME")
        return [f"/Applications/{_MAC_BUNDLE}"] + ([f"{home}/Applications/{_MAC_BUNDLE}"] if home else [])
    if platform != "win32":
        return []  # Linux and BSD packages put soffice on PATH
    places = list(registry_places(registry))
    folders = [environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    if environ.get("LOCALAPPDATA"):
        folders.append(str(PureWindowsPath(environ["LOCALAPPDATA"], "Programs")))
    for drive in _drives(environ):
        folders += [f"{drive}\\Program Files", f"{drive}\\Program Files (x86)", f"{drive}\\"]
    for folder in folders:
        if folder:
            places.append(str(PureWindowsPath(folder, "LibreOffice", _PROGRAM)))
    return list(dict.fromkeys(places))  # once each, in order


def registry_places(registry=None) -> Iterable[str]:
    """soffice.exe as the Windows registry records it: App Paths, then LibreOffice's install path.

    `registry`: the winreg module (tests pass a stand-in); nothing when it cannot be imported.
    """
    if registry is None:
        try:
            import winreg as registry  # type: ignore[no-redef]  # Windows only
        except ImportError:
            return
    hives = [registry.HKEY_LOCAL_MACHINE, registry.HKEY_CURRENT_USER]
    for key, is_folder in ((APP_PATHS, False), (UNO_INSTALL, True)):
        for hive in hives:
            try:
                with registry.OpenKey(hive, key) as opened:
                    value, _ = registry.QueryValueEx(opened, "")
            except OSError:  # FileNotFoundError for a key that is not there
                continue
            if isinstance(value, str) and value.strip():
                value = value.strip().strip('"')
                yield str(PureWindowsPath(value, "soffice.exe")) if is_folder else value


def _drives(environ: Mapping[str, str]) -> list[str]:
    """The drive letters to look on: those Windows lists (Python 3.12+), else C: to Z:, the system's first."""
    system = (environ.get("SystemDrive") or "C:").upper()
    listed = getattr(os, "listdrives", None)
    if listed is not None and sys.platform == "win32":
        try:
            letters = [d.rstrip("\\") for d in listed()]
        except OSError:
            letters = []
    else:
        letters = [f"{letter}:" for letter in string.ascii_uppercase[2:]]
    return [system] + [d.upper() for d in letters if d.upper() != system]


def install_hint(platform: str | None = None, os_release: str | None = None) -> str:
    """The lines that tell a clerk how to install LibreOffice on their own system."""
    platform = platform or sys.platform
    if platform == "win32":
        return (f"  Windows: mở PowerShell và gõ «{INSTALL_WINGET}» (hoặc «{INSTALL_CHOCO}» nếu máy dùng Chocolatey), "
                f"hoặc tải bộ cài tại {DOWNLOAD}; cài xong không cần sửa PATH")
    if platform == "darwin":
        return f"  macOS: {INSTALL_BREW} (cần Homebrew), hoặc tải bộ cài tại {DOWNLOAD}"
    family = _linux_family(os_release)
    if family == "debian":
        return f"  Debian, Ubuntu: {INSTALL_DEBIAN}"
    if family == "fedora":
        return f"  Fedora, RHEL: {INSTALL_FEDORA}"
    return (f"  Debian, Ubuntu: {INSTALL_DEBIAN}\n"
            f"  hệ khác: cài gói libreoffice (phần Writer) bằng trình quản lý gói của máy, hoặc tải tại {DOWNLOAD}")


def _linux_family(os_release: str | None) -> str | None:
    """debian, fedora or None, from /etc/os-release (ID and ID_LIKE)."""
    if os_release is None:
        try:
            os_release = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    names: set[str] = set()
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            names.update(value.strip().strip('"').lower().split())
    if names & {"debian", "ubuntu"}:
        return "debian"
    if names & {"fedora", "rhel", "centos"}:
        return "fedora"
    return None
