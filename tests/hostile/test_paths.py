"""Output paths: every command that writes refuses to replace an input of the run, a file of another kind,
anything that is not a regular file, and names no file system holds — with a message, exit 2, nothing touched."""

from __future__ import annotations

import os
import stat

import pytest

from hostile.harness import SHARED, SHARED_PLAN, snapshot

_INPUT = "tệp ra «{out}» là {label} mà lệnh này đang đọc; kehoach không ghi đè lên tệp đầu vào. Hãy chọn tên tệp khác sau {opt}"
_KIND = ("«{out}» đã có và là {found}, còn lệnh này ghi {written}; kehoach không ghi đè để khỏi mất tệp đó. Hãy chọn tên"
         " tệp khác sau {opt}")
_PLAN = "tệp kế hoạch .yaml"
_YAML = "tệp YAML (kế hoạch hoặc tệp dùng chung)"
_WORD = "văn bản Word (.docx)"


def refused(folder, args, out, message, code=2):
    done = folder.run(*args)
    assert (done.code, done.stdout, done.stderr) == (code, "", f"{out}: {message}\n")
    folder.unchanged()


def test_render_onto_the_plan_itself_spelled_another_way(folder):
    refused(folder, ["render", "ke-hoach.yaml", "-o", "./ke-hoach.yaml"], "ke-hoach.yaml",
            "tệp ra trùng với tệp kế hoạch; hãy chọn tên .docx khác")


def test_render_onto_a_hard_link_of_the_plan(folder):
    os.link(folder.path / "ke-hoach.yaml", folder.path / "ban-sao.docx")
    refused(folder, ["render", "ke-hoach.yaml", "-o", "ban-sao.docx"], "ban-sao.docx",
            _INPUT.format(out="ban-sao.docx", label=_PLAN, opt="-o"))


def test_render_onto_its_own_template(folder):
    refused(folder, ["render", "ke-hoach.yaml", "-t", "mau.docx", "-o", "mau.docx"], "mau.docx",
            _INPUT.format(out="mau.docx", label="mẫu Word", opt="-o"))


def test_render_onto_a_shared_file_of_the_plan(folder):
    folder.write("ke-hoach.yaml", SHARED_PLAN)
    folder.write("dung-chung.yaml", SHARED)
    refused(folder, ["render", "ke-hoach.yaml", "-o", "dung-chung.yaml"], "dung-chung.yaml",
            _INPUT.format(out="dung-chung.yaml", label="tệp dùng chung .yaml", opt="-o"))


def test_render_onto_another_plan(folder):
    folder.write("nam-truoc/ke-hoach.yaml", SHARED_PLAN)
    refused(folder, ["render", "ke-hoach.yaml", "-o", "nam-truoc/ke-hoach.yaml"], "nam-truoc/ke-hoach.yaml",
            _KIND.format(out="nam-truoc/ke-hoach.yaml", found=_YAML, written=_WORD, opt="-o"))


def test_render_onto_a_yaml_file_whatever_its_name(folder):
    """The kind is judged by the content: a plan saved as .docx is still not replaced by a Word file."""
    folder.write("nhap.docx", SHARED_PLAN)
    refused(folder, ["render", "ke-hoach.yaml", "-o", "nhap.docx"], "nhap.docx",
            _KIND.format(out="nhap.docx", found="tệp văn bản", written=_WORD, opt="-o"))


def test_diff_docx_onto_the_new_plan(folder):
    folder.write("moi.yaml", folder.path.joinpath("ke-hoach.yaml").read_text(encoding="utf-8").replace("so: 12", "so: 13"))
    refused(folder, ["diff", "ke-hoach.yaml", "moi.yaml", "--docx", "moi.yaml"], "moi.yaml",
            _INPUT.format(out="moi.yaml", label=_PLAN, opt="--docx"))


def test_diff_docx_onto_a_plan_that_is_not_compared(folder):
    folder.write("moi.yaml", folder.path.joinpath("ke-hoach.yaml").read_text(encoding="utf-8").replace("so: 12", "so: 13"))
    folder.write("khac/nam-sau.yaml", SHARED_PLAN)
    refused(folder, ["diff", "ke-hoach.yaml", "moi.yaml", "--docx", "khac/nam-sau.yaml"], "khac/nam-sau.yaml",
            _KIND.format(out="khac/nam-sau.yaml", found=_YAML, written=_WORD, opt="--docx"))


def test_info_onto_the_plan(folder):
    refused(folder, ["info", "ke-hoach.yaml", "-f", "json", "-o", "ke-hoach.yaml"], "ke-hoach.yaml",
            _KIND.format(out="ke-hoach.yaml", found=_YAML, written="tệp JSON", opt="-o"))


def test_schema_onto_a_plan(folder):
    refused(folder, ["schema", "-o", "ke-hoach.yaml"], "ke-hoach.yaml",
            _KIND.format(out="ke-hoach.yaml", found=_YAML, written="tệp JSON", opt="-o"))


def test_new_onto_a_word_document(folder):
    refused(folder, ["new", "ke-hoach.yaml", "-o", "mau.docx", "--force"], "mau.docx",
            _KIND.format(out="mau.docx", found=_WORD, written=_YAML, opt="-o"))


def test_render_pdf_onto_a_file_that_is_not_a_pdf(folder):
    folder.write("ke-hoach.pdf", "ghi chú của văn thư\n")
    done = folder.run("render", "ke-hoach.yaml", "--pdf")
    assert (done.code, done.stdout) == (2, "Đã tạo ke-hoach.docx (bản để trình ký).\n")
    assert done.stderr == ("ke-hoach.pdf: «ke-hoach.pdf» đã có và là tệp văn bản, còn lệnh này ghi tệp PDF; kehoach "
                           "không ghi đè để khỏi mất tệp đó. Hãy chọn tên tệp khác\n")
    folder.unchanged("ke-hoach.docx")


@pytest.mark.parametrize("target", ["/dev/null", "/dev/zero"])
def test_render_onto_a_device(folder, target):
    before = os.stat(target)
    refused(folder, ["render", "ke-hoach.yaml", "-o", target], target,
            f"«{target}» là một thiết bị, không phải tệp thường; kehoach chỉ ghi ra tệp thường và không thay nó bằng"
            " tệp khác. Hãy chọn tên tệp khác sau -o")
    after = os.stat(target)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_render_onto_a_fifo(folder):
    folder.fifo("ra.docx")
    refused(folder, ["render", "ke-hoach.yaml", "-o", "ra.docx"], "ra.docx",
            "«ra.docx» là một ống dẫn (FIFO), không phải tệp thường; kehoach chỉ ghi ra tệp thường và không thay nó"
            " bằng tệp khác. Hãy chọn tên tệp khác sau -o")


def test_render_onto_a_folder(folder):
    (folder.path / "ra").mkdir()
    refused(folder, ["render", "ke-hoach.yaml", "-o", "ra"], "ra", "đường dẫn ra là một thư mục; hãy ghi tên tệp .docx")


@pytest.mark.parametrize("args", [["render", "ke-hoach.yaml", "-o", ""], ["render", "", "-o", "ra.docx"],
                                  ["check", ""], ["fmt", ""], ["render", "ke-hoach.yaml", "-t", ""]])
def test_an_empty_path_is_never_the_current_folder(folder, args):
    """An unset shell variable (`kehoach check "$TEP"`) is a usage error, not every plan of the folder."""
    done = folder.run(*args)
    assert (done.code, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1].endswith(": đường dẫn để trống; hãy ghi " + (
        "tên tệp" if args[args.index("") - 1].startswith("-") else "tên tệp hoặc thư mục («.» là thư mục hiện tại)"))
    folder.unchanged()


@pytest.mark.parametrize("args", [["render", "ke-hoach.yaml", "-o", " "], ["render", "ke-hoach.yaml", "--output=  "],
                                  ["check", " "], ["render", "ke-hoach.yaml", "-t", "\t"]])
def test_a_path_of_blanks_only_is_an_empty_path(folder, args):
    """`-o " "` (a variable holding a space) names no file a clerk means, and Windows cannot hold it: the message of
    an empty path, not a Word file named « » refused for its missing .docx."""
    done = folder.run(*args)
    assert (done.code, done.stdout) == (2, "")
    option = args[-2] if args[-2].startswith("-") else args[-1].partition("=")[0]
    assert done.stderr.splitlines()[-1].endswith(": đường dẫn để trống; hãy ghi " + (
        "tên tệp" if option.startswith("-") else "tên tệp hoặc thư mục («.» là thư mục hiện tại)"))
    folder.unchanged()


@pytest.mark.parametrize("letter", ["a", "đ"])  # 1 and 2 bytes in UTF-8: the limit is in bytes
def test_an_output_name_longer_than_the_file_system_holds(folder, letter):
    name = letter * 251 + ".docx"
    size = len(name.encode("utf-8"))
    refused(folder, ["render", "ke-hoach.yaml", "-o", name], name,
            f"tên tệp ra dài {size} byte, quá giới hạn 255 byte của hệ thống tệp; hãy đặt tên ngắn hơn sau -o")


def test_the_longest_name_the_file_system_holds_is_written(folder):
    """255 bytes is allowed, and its temporary file (named from it) fits too."""
    name = "a" * 250 + ".docx"
    done = folder.run("render", "ke-hoach.yaml", "-o", name)
    assert (done.code, done.stderr) == (0, "")
    folder.unchanged(name)


def test_a_nul_byte_in_a_shared_file_path(folder):
    folder.write("ke-hoach.yaml", SHARED_PLAN.replace("dung_chung: dung-chung.yaml", 'dung_chung: "dung\\0chung.yaml"'))
    folder.write("dung-chung.yaml", SHARED)
    line = SHARED_PLAN.splitlines().index("dung_chung: dung-chung.yaml") + 1
    refused(folder, ["render", "ke-hoach.yaml"], f"ke-hoach.yaml:{line}:13",
            "đường dẫn dung_chung có ký tự NUL (\\0), không hệ thống tệp nào chứa được; hãy viết lại đường dẫn này")


def test_fmt_rewrites_its_own_input_in_place(folder):
    """The one command that replaces its input does it on purpose, and only the file named."""
    folder.write("ke-hoach.yaml", "so:   12\n" + folder.path.joinpath("ke-hoach.yaml").read_text(encoding="utf-8")
                 .replace("so: 12\n", ""))
    before = snapshot(folder.path)
    done = folder.run("fmt", "ke-hoach.yaml")
    assert done.code == 0, done.stderr
    after = snapshot(folder.path)
    assert set(after) == set(before) and after["ke-hoach.yaml"] != before["ke-hoach.yaml"]
    assert {k: v for k, v in after.items() if k != "ke-hoach.yaml"} == {
        k: v for k, v in before.items() if k != "ke-hoach.yaml"}
