"""What the bundled program runs: the same entry point as the ``guide-reader`` console script."""

import multiprocessing
import sys

from guide_reader.cli import main

if __name__ == "__main__":
    # A long index build starts worker processes: in the bundle they run this program again,
    # which must then do the worker's job, not start another window.
    multiprocessing.freeze_support()
    sys.exit(main())
