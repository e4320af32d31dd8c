from tui.quick import main

main()
