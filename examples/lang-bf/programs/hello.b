Hello world, written for vmbench: cell 1 counts to build 72 ('H') as 8*9,
then the rest of the letters are small steps from there.
++++++++[>+++++++++<-]>.          H (72)
+++++++++++++++++++++++++++++.    e (101)
+++++++..                         ll (108)
+++.                              o (111)
[-]++++++++[>++++<-]>.            space (32) in cell 2
<+++++++++++[>++++++++<-]>-.      W: cell 2 = 32 plus 88 minus 1 = 119 (w) minus 32 = 87
