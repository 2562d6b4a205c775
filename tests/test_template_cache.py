"""Compiled Word templates kept between runs (render.template_cache): reused, never trusted blindly, never an error."""

from __future__ import annotations

import os

import pytest
from jinja2.sandbox import SandboxedEnvironment

from kehoach.source.plan_file import read_plan
from kehoach.render import docx_writer, template_cache
from kehoach.render.templates import kind_template
from support import PLAN_2024

SOURCE = "<w:t>{{ name }}</w:t>"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True)


def fill(env, code, **values) -> str:
    return env.template_class.from_code(env, code, env.make_globals(None)).render(**values)


def refuse_to_compile(monkeypatch, env) -> None:
    def compile_(*args, **kwargs):
        raise AssertionError("compiled again instead of loading the cached code")
    monkeypatch.setattr(env, "compile", compile_)


def test_a_template_compiled_once_is_loaded_by_the_next_run(folder, monkeypatch):
    first = environment()
    assert fill(first, template_cache.compiled(first, SOURCE), name="Sở A & B") == "<w:t>Sở A &amp; B</w:t>"
    assert len(list(folder.iterdir())) == 1
    second = environment()
    refuse_to_compile(monkeypatch, second)
    assert fill(second, template_cache.compiled(second, SOURCE), name="Sở A & B") == "<w:t>Sở A &amp; B</w:t>"


def test_another_source_is_compiled_and_kept_beside(folder):
    env = environment()
    template_cache.compiled(env, SOURCE)
    code = template_cache.compiled(env, "<w:t>{{ name }}!</w:t>")
    assert fill(env, code, name="x") == "<w:t>x!</w:t>"
    assert len(list(folder.iterdir())) == 2


def test_a_damaged_cache_file_is_compiled_again_and_replaced(folder, monkeypatch):
    env = environment()
    template_cache.compiled(env, SOURCE)
    (cached,) = folder.iterdir()
    cached.write_bytes(b"not compiled code")
    assert fill(env, template_cache.compiled(env, SOURCE), name="y") == "<w:t>y</w:t>"
    refuse_to_compile(monkeypatch, env)
    assert fill(env, template_cache.compiled(env, SOURCE), name="z") == "<w:t>z</w:t>"


def test_an_unusable_cache_folder_only_costs_the_compile(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(blocker))
    env = environment()
    assert fill(env, template_cache.compiled(env, SOURCE), name="x") == "<w:t>x</w:t>"
    assert blocker.read_text() == ""


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert template_cache.cache_folder() is None
    env = environment()
    assert fill(env, template_cache.compiled(env, SOURCE), name="x") == "<w:t>x</w:t>"
    assert list(tmp_path.iterdir()) == []


def test_the_platform_folder_when_nothing_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv("KEHOACH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(template_cache.sys, "platform", "linux")
    assert template_cache.cache_folder() == tmp_path / "kehoach"
    monkeypatch.setattr(template_cache.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert template_cache.cache_folder() == tmp_path / "kehoach" / "Cache"


def test_only_the_newest_templates_are_kept(folder, monkeypatch):
    monkeypatch.setattr(template_cache, "KEEP", 3)
    env = environment()
    for number in range(5):
        template_cache.compiled(env, f"<w:t>{number}</w:t>")
        newest = max(folder.iterdir(), key=lambda path: path.stat().st_mtime)
        os.utime(newest, (number + 1, number + 1))  # written in this order, a second apart
    assert len(list(folder.iterdir())) == 3
    refuse_to_compile(monkeypatch, env)
    assert [fill(env, template_cache.compiled(env, f"<w:t>{n}</w:t>")) for n in (2, 3, 4)] == [
        "<w:t>2</w:t>", "<w:t>3</w:t>", "<w:t>4</w:t>"]
    with pytest.raises(AssertionError, match="compiled again"):  # the two oldest are gone
        template_cache.compiled(env, "<w:t>0</w:t>")


def test_a_render_from_cached_code_gives_the_same_document(folder, monkeypatch):
    loaded = read_plan(PLAN_2024)
    monkeypatch.setattr(docx_writer, "_ENVIRONMENT", None)
    compiled_now = docx_writer.render_bytes(loaded.plan, kind_template(), loaded.refs)
    assert list(folder.iterdir())  # the document's XML, compiled and kept
    monkeypatch.setattr(docx_writer, "_ENVIRONMENT", None)  # a new process: nothing compiled in memory
    environment_class = type(docx_writer._environment())
    monkeypatch.setattr(environment_class, "compile", lambda *a, **k: pytest.fail("compiled again"))
    environment_class.compiled.clear()
    assert docx_writer.render_bytes(loaded.plan, kind_template(), loaded.refs) == compiled_now


def patch_counting(calls: list):
    def patch(xml: str) -> str:
        calls.append(xml)
        return xml.replace("{{", "{{ ").replace("}}", " }}")
    return patch


def test_a_patched_part_is_kept_in_memory_and_for_the_next_run(folder, monkeypatch):
    calls: list = []
    assert template_cache.patched("<a>{{x}}</a>", patch_counting(calls), "1.0") == "<a>{{ x }}</a>"
    assert template_cache.patched("<a>{{x}}</a>", patch_counting(calls), "1.0") == "<a>{{ x }}</a>"
    assert len(calls) == 1
    monkeypatch.setattr(template_cache, "_PATCHED", {})  # a new process
    assert template_cache.patched("<a>{{x}}</a>", patch_counting(calls), "1.0") == "<a>{{ x }}</a>"
    assert len(calls) == 1


def test_a_damaged_patched_file_or_another_docxtpl_patches_again(folder, monkeypatch):
    calls: list = []
    template_cache.patched("<b>{{x}}</b>", patch_counting(calls), "1.0")
    (stored,) = folder.glob("*.xml")
    stored.write_text(stored.read_text(encoding="utf-8").replace("x", "y"), encoding="utf-8")
    monkeypatch.setattr(template_cache, "_PATCHED", {})
    assert template_cache.patched("<b>{{x}}</b>", patch_counting(calls), "1.0") == "<b>{{ x }}</b>"
    assert len(calls) == 2
    assert template_cache.patched("<b>{{x}}</b>", patch_counting(calls), "2.0") == "<b>{{ x }}</b>"
    assert len(calls) == 3


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_folder_other_users_can_write_in_is_not_used(folder):
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)  # whatever the umask: writable by everyone
    env = environment()
    assert fill(env, template_cache.compiled(env, SOURCE), name="x") == "<w:t>x</w:t>"
    assert list(folder.iterdir()) == []
    folder.chmod(0o700)
    template_cache.compiled(env, SOURCE)
    assert len(list(folder.iterdir())) == 1


def test_the_folder_is_made_private(folder):
    template_cache.compiled(environment(), SOURCE)
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700


def test_a_part_with_its_own_line_ends_is_kept_exactly(folder, monkeypatch):
    calls: list = []
    xml = "<a>{{x}}\r\n</a>\r<b/>"
    assert template_cache.patched(xml, patch_counting(calls), "1.0") == "<a>{{ x }}\r\n</a>\r<b/>"
    monkeypatch.setattr(template_cache, "_PATCHED", {})
    assert template_cache.patched(xml, patch_counting(calls), "1.0") == "<a>{{ x }}\r\n</a>\r<b/>"
    assert len(calls) == 1  # loaded, not patched again


# -- a cache file is loaded only when trusted (owner, mode, a hash bound to its name and content) -------------


class _Planted:
    """Unpickling this runs code: it writes a marker file (what a planted Jinja bytecode file would do)."""

    def __init__(self, marker) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _stored(folder):
    (stored,) = folder.glob("*.code")
    return stored


@pytest.mark.parametrize("planted", ["pickle", "jinja-bucket"])
def test_a_planted_file_is_never_unpickled(folder, tmp_path, monkeypatch, planted):
    import marshal
    import pickle

    env = environment()
    template_cache.compiled(env, SOURCE)
    marker = tmp_path / "da-chay"
    payload = pickle.dumps(_Planted(marker))
    if planted == "jinja-bucket":  # Jinja's own bytecode cache format: a pickled magic header, then marshal
        payload = pickle.dumps(_Planted(marker)) + marshal.dumps(compile("1", "x", "eval"))
    _stored(folder).write_bytes(payload)
    calls = []
    monkeypatch.setattr(env, "compile", lambda source, *a, **k: calls.append(source) or SandboxedEnvironment.compile(
        env, source, *a, **k))
    assert fill(env, template_cache.compiled(env, SOURCE), name="x") == "<w:t>x</w:t>"
    assert not marker.exists()
    assert calls == [SOURCE]  # refused, compiled again


def test_a_file_copied_under_another_templates_name_is_refused(folder, monkeypatch):
    env = environment()
    template_cache.compiled(env, "<w:t>{{ name }} khác</w:t>")
    other = _stored(folder)
    template_cache.compiled(env, SOURCE)
    (mine,) = set(folder.glob("*.code")) - {other}
    mine.write_bytes(other.read_bytes())  # whole and well formed, but made from another source
    assert fill(env, template_cache.compiled(env, SOURCE), name="x") == "<w:t>x</w:t>"


@pytest.mark.skipif(os.name != "posix", reason="POSIX owners and modes")
@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_a_file_others_could_have_written_is_not_loaded(folder, monkeypatch, mode):
    env = environment()
    template_cache.compiled(env, SOURCE)
    _stored(folder).chmod(mode)
    calls = []
    monkeypatch.setattr(env, "compile", lambda source, *a, **k: calls.append(source) or SandboxedEnvironment.compile(
        env, source, *a, **k))
    template_cache.compiled(env, SOURCE)
    assert calls == [SOURCE]
    assert _stored(folder).stat().st_mode & 0o077 == 0  # replaced by a private one


@pytest.mark.skipif(os.name != "posix" or os.getuid() != 0, reason="needs root to give a file to another user")
def test_a_file_of_another_user_is_not_loaded(folder, monkeypatch):
    env = environment()
    template_cache.compiled(env, SOURCE)
    os.chown(_stored(folder), 65534, 65534)  # nobody
    calls = []
    monkeypatch.setattr(env, "compile", lambda source, *a, **k: calls.append(source) or SandboxedEnvironment.compile(
        env, source, *a, **k))
    template_cache.compiled(env, SOURCE)
    assert calls == [SOURCE]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_in_the_cache_is_not_followed(folder, tmp_path, monkeypatch):
    env = environment()
    template_cache.compiled(env, SOURCE)
    stored = _stored(folder)
    elsewhere = tmp_path / "ngoai.code"
    elsewhere.write_bytes(stored.read_bytes())
    stored.unlink()
    stored.symlink_to(elsewhere)
    calls = []
    monkeypatch.setattr(env, "compile", lambda source, *a, **k: calls.append(source) or SandboxedEnvironment.compile(
        env, source, *a, **k))
    template_cache.compiled(env, SOURCE)
    assert calls == [SOURCE]
