import sys

from .cli import main

if __name__ == "__main__":  # not when a worker process of an index build imports the main module
    sys.exit(main())
