import sys

from kehoach.cli import main

sys.exit(main())
