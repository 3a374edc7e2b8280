# Demo organisation's own wording (Danish).
start-greeting = Hej { $name }! Det her er Fyr, Demoorganisationens støtte til dig, der er blevet truet, chikaneret eller angrebet af nogen, du møder i dit arbejde. Vi tager ét spørgsmål ad gangen.
