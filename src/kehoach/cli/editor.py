"""kehoach lsp: the language server an editor starts (VS Code, Neovim, …), speaking over stdin and stdout."""

from kehoach.cli.app import command


@command("lsp", "Chạy máy chủ ngôn ngữ (LSP) cho trình soạn thảo: báo lỗi ngay khi gõ, gợi ý khóa và mã, "
         "xem trước trích dẫn, đi tới chỗ khai báo. Trình soạn thảo tự chạy lệnh này (xem README).")
def lsp() -> int | None:
    from kehoach.features.lsp.server import serve  # pygls is loaded by this command alone

    serve()
    return None
