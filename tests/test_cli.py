"""The command line as a user runs it."""

import json

from app.paths import DataDir


def test_demo_then_search_lists_households_with_the_name_part(tmp_path, cli):
    data = DataDir(tmp_path / "d")
    built = cli("demo", "--households", "300", "--seed", "3", data=data, check=True)
    assert "300" in built.stdout
    found = cli("search", "建国", "--json", data=data, check=True)
    results = json.loads(found.stdout)
    assert results, "the demo has people called 建国"
    for result in results:
        assert {"id", "kind", "name", "village_code", "village_name"} <= set(result)
        # The head's name, or a member's (the household is then shown as whose it is).
        assert "建国" in result["name"] or "建国" in result["person"]
        assert len(result["village_code"]) == 12


def test_demo_refuses_to_overwrite_a_register(tmp_path, cli):
    data = DataDir(tmp_path / "d")
    cli("demo", "--households", "50", data=data, check=True)
    again = cli("demo", "--households", "50", data=data)
    assert again.returncode == 2
    assert "--replace" in again.stderr and "Traceback" not in again.stderr


def test_bad_arguments_and_missing_register_give_messages_not_tracebacks(tmp_path, cli):
    data = DataDir(tmp_path / "empty")
    missing = cli("search", "王", data=data)
    assert missing.returncode == 2 and "没有登记册" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = cli("demo", "--households", "0", data=data)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    unknown = cli("no-such-command", data=data)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_english_messages_on_request(tmp_path, cli):
    missing = cli("--lang", "en", "search", "x", data=DataDir(tmp_path / "none"))
    assert "No register" in missing.stderr


def test_data_dir_from_the_environment(tmp_path, cli):
    env = {"CREDIT_DESK_DATA_DIR": str(tmp_path / "env")}
    cli("demo", "--households", "20", env=env, check=True)
    assert (tmp_path / "env" / "register.sqlite3").exists()


def test_argparse_own_words_are_in_chinese_too(cli, data):
    """Help headings and argparse's own refusals speak the user's language, not
    English between Chinese lines."""
    missing = cli("import", data=data)
    assert missing.returncode == 2 and "缺少以下参数：FILE" in missing.stderr
    assert "required" not in missing.stderr and "用法：" in missing.stderr
    bare = cli("letters", "print", "--village", data=data)
    assert "参数 --village：后面需要一个值" in bare.stderr
    shown = cli("letters", "print", "--help", data=data, check=True).stdout
    assert "显示本帮助并退出" in shown and "show this help" not in shown
    english = cli("--lang", "en", "import", data=data)
    assert "the following arguments are required: FILE" in english.stderr
