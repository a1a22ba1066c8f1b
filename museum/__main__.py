from museum.cli import main

raise SystemExit(main())
