"""What the bundled program runs: the same entry point as the ``guide-reader`` console script."""

import sys

from guide_reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
