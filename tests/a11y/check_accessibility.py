#!/usr/bin/python3
"""What a screen reader sees: starts convdesk, waits until its dev hook has opened the
dialogs asked for, then walks the application's accessible tree on the AT-SPI bus (as Orca
does) and fails listing every visible control that has no name, or no role.

Usage: check_accessibility.py [--timeout S] [--windows N] -- CONVDESK [ARGS...]
The caller provides the D-Bus session, the accessibility bus and the X display
(tests/a11y/run-accessibility-check.sh). Exit codes: 0 all named, 1 gaps found, 2 the check
could not run (the app did not start, did not show up on the bus, or too few windows).
"""

import argparse
import os
import select
import signal
import subprocess
import sys
import time

import pyatspi
from gi.repository import Atspi

READY_LINE = b"CONVDESK_DIALOGS open"

# Roles a user operates; each must carry a name, or Orca reads only "push button".
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_MENU,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SLIDER,
}
# A focusable object with one of these roles gives a screen reader nothing to say what it is.
NO_ROLES = {pyatspi.ROLE_UNKNOWN, pyatspi.ROLE_INVALID, pyatspi.ROLE_FILLER}
TOP_LEVEL_ROLES = {pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW}
MAX_DEPTH = 40
MAX_OBJECTS = 20000


def fail(message, code=2):
    print("check_accessibility: " + message, file=sys.stderr)
    sys.exit(code)


def wait_for_ready(app, deadline):
    """Reads the app's standard output until the ready line; False on exit or timeout."""
    output = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([app.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(app.stdout.fileno(), 4096)
            if not chunk:
                return False
            output += chunk
            if READY_LINE in output:
                return True
        elif app.poll() is not None:
            return False
    return False


def find_application(pid, deadline):
    """The app's accessible root, matched by process id (its name follows the language)."""
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            candidate = desktop.getChildAtIndex(index)
            try:
                if candidate is not None and candidate.get_process_id() == pid:
                    return candidate
            except Exception:  # an application that left the bus meanwhile
                continue
        time.sleep(0.2)
    return None


def describe(accessible):
    return "%s %r" % (accessible.getRoleName(), accessible.name or "")


def walk(root):
    """(object, path of its ancestors) for every object under root, depth first."""
    stack = [(root, ())]
    seen = 0
    while stack:
        accessible, path = stack.pop()
        seen += 1
        if seen > MAX_OBJECTS:
            fail("more than %d accessible objects; is the tree cyclic?" % MAX_OBJECTS)
        yield accessible, path
        if len(path) >= MAX_DEPTH:
            continue
        children = []
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                children.append(child)
        for child in reversed(children):
            stack.append((child, path + (accessible,)))


def check_window(window):
    """Returns (controls checked, problems) for one top-level window."""
    checked = 0
    problems = []
    for accessible, path in walk(window):
        states = accessible.getState()
        if not (states.contains(pyatspi.STATE_VISIBLE) and states.contains(pyatspi.STATE_SHOWING)):
            continue
        role = accessible.getRole()
        where = " > ".join(describe(ancestor) for ancestor in path[1:] + (accessible,))
        # A container such as QTabWidget is "focusable" but hands its focus to a child (its
        # tab bar); a focusable leaf without a role is a control nobody can identify.
        if role in NO_ROLES and states.contains(pyatspi.STATE_FOCUSABLE) and accessible.childCount == 0:
            problems.append("no role: " + where)
            continue
        if role not in CONTROL_ROLES:
            continue
        checked += 1
        if not (accessible.name or "").strip():
            problems.append("no name: " + where)
    return checked, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=25.0, help="seconds for the whole check")
    parser.add_argument("--windows", type=int, default=1, help="top-level windows that must be there")
    parser.add_argument("command", nargs="+", help="the app and its arguments")
    args = parser.parse_args()

    # A D-Bus call that never returns must not hang the test: each call, and the whole run.
    Atspi.set_timeout(3000, 10000)
    signal.signal(signal.SIGALRM, lambda *_: fail("timed out after %.0f s" % args.timeout))
    signal.alarm(int(args.timeout) + 5)
    deadline = time.monotonic() + args.timeout

    app = subprocess.Popen(args.command, stdout=subprocess.PIPE)
    try:
        if not wait_for_ready(app, deadline):
            fail("%s did not open its dialogs (exit code %s)" % (args.command[0], app.poll()))
        root = find_application(app.pid, deadline)
        if root is None:
            fail("process %d is not on the accessibility bus" % app.pid)

        windows = [root.getChildAtIndex(i) for i in range(root.childCount)]
        windows = [w for w in windows if w is not None and w.getRole() in TOP_LEVEL_ROLES
                   and w.getState().contains(pyatspi.STATE_SHOWING)]
        if len(windows) < args.windows:
            fail("%d window(s) on the bus, expected %d: %s"
                 % (len(windows), args.windows, ", ".join(describe(w) for w in windows)))

        all_problems = []
        for window in windows:
            checked, problems = check_window(window)
            print("%s: %d controls, %d without a name or role" % (describe(window), checked, len(problems)))
            if checked == 0:
                problems.append("no controls found in %s" % describe(window))
            all_problems.extend(problems)
        for problem in all_problems:
            print("  " + problem)
        return 1 if all_problems else 0
    finally:
        app.terminate()
        try:
            app.wait(timeout=5)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


if __name__ == "__main__":
    sys.exit(main())
