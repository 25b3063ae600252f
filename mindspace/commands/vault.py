"""`mindspace vault init | unlock-check | change-passphrase`."""

from __future__ import annotations

import argparse

from mindspace.commands.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    CliContext,
    CliError,
    add_json_flag,
    add_passphrase_flag,
    emit,
    say_waiting,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    vault = sub.add_parser("vault", help="create, check and re-key the encrypted vault")
    vsub = vault.add_subparsers(dest="vault_command", required=True)

    init = vsub.add_parser("init", help="create a vault; prints the recovery code once")
    add_passphrase_flag(init)
    init.add_argument(
        "--move-aside",
        action="store_true",
        help="keep a vault.db left without its key file under another name, then start anew",
    )
    add_json_flag(init)
    init.set_defaults(func=cmd_init)

    whole = vsub.add_parser(
        "check", help="check the key file, every database page and every blob; exit 0 if whole"
    )
    add_passphrase_flag(whole)
    add_json_flag(whole)
    whole.set_defaults(func=cmd_check)

    check = vsub.add_parser("unlock-check", help="exit 0 if the passphrase opens the vault")
    add_passphrase_flag(check)
    check.add_argument("--recovery-code", action="store_true", help="stdin holds a recovery code")
    add_json_flag(check)
    check.set_defaults(func=cmd_unlock_check)

    change = vsub.add_parser(
        "change-passphrase", help="old then new passphrase on stdin lines 1 and 2"
    )
    add_passphrase_flag(change)
    add_json_flag(change)
    change.set_defaults(func=cmd_change)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.passphrase_stdin:
        raise CliError("vault init needs --passphrase-stdin", EXIT_USAGE)
    passphrase = ctx.take_line("passphrase")
    code = ctx.services.create_vault(passphrase, move_aside=args.move_aside)
    emit(
        {"data_dir": str(ctx.services.data_dir), "recovery_code": code},
        args.json,
        lambda o: (
            f"Vault created in {o['data_dir']}\n"
            f"Recovery code (write it down; it is shown only once):\n{o['recovery_code']}"
        ),
    )
    return 0


def cmd_unlock_check(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.recovery_code:
        services = ctx.services
        services.require_vault()
        services.unlock_with_recovery(
            ctx.take_line("recovery code"), wait_for_throttle=True, on_wait=say_waiting
        )
    else:
        ctx.unlock(args)
    emit({"ok": True}, args.json, lambda o: "The vault opens.")
    return 0


def cmd_change(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.passphrase_stdin:
        raise CliError("change-passphrase needs --passphrase-stdin", EXIT_USAGE)
    services = ctx.services
    services.require_vault()
    old = ctx.take_line("current passphrase")
    new = ctx.take_line("new passphrase")
    code = services.change_passphrase(old, new, wait_for_throttle=True, on_wait=say_waiting)
    emit(
        {"recovery_code": code},
        args.json,
        lambda o: (
            "Passphrase changed. New recovery code (the old one no longer works):\n"
            + o["recovery_code"]
        ),
    )
    return 0


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from mindspace.app.vault_check import run_check

    services = ctx.unlock(args)
    report = run_check(services)

    def human(o: dict[str, object]) -> str:
        if o["ok"]:
            c = report.checked
            return (f"The vault is whole (key file, {c.get('pages', 0)} database pages and"
                    f" {c.get('blobs', 0)} audio files checked).")
        return "\n".join(["The vault is damaged:", *(f"  - {p}" for p in report.problems),
                          str(o["what_to_do"])])

    emit(report.to_dict(), args.json, human)
    return 0 if report.ok else EXIT_FAILED
