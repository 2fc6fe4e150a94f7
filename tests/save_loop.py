"""Child process for the kill-during-save tests: saves two contents in turn, forever, until killed.

    python -m tests.save_loop TARGET FILE_A FILE_B
"""

import sys

from planner.io.atomic import atomic_write


def main() -> None:
    target, a, b = sys.argv[1:4]
    contents = [open(a, "rb").read(), open(b, "rb").read()]
    with open(target, "rb") as f:
        i = 1 if f.read() == contents[0] else 0  # every completed save changes the file
    print("ready", flush=True)
    while True:
        atomic_write(target, contents[i % 2], backup=True)
        print("saved", flush=True)  # lets the parent kill after some saves, however slow the machine
        i += 1


if __name__ == "__main__":
    main()
