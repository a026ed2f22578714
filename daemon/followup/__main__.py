"""`python -m followup` is the same as the `followup` console script."""

from followup.cli import main

if __name__ == "__main__":
    main()
