from lambdakit.cli import main

main()
