"""`python -m zhpress` runs the CLI (same as the `zhpress` command)."""

from zhpress.cli import main

if __name__ == "__main__":
    main()
