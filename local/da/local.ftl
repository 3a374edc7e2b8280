# Demo organisation's own wording (Danish).
start-greeting = Hej { $name }! Det her er Fyr, Demoorganisationens støtte til dig, der er blevet truet, chikaneret eller angrebet af nogen, du møder i dit arbejde. Vi tager ét spørgsmål ad gangen.

# A manager's checklist item of the organisation's own (`[[organisation.checklist]]` in bot.toml).
local-tell-security = Efter vores procedure: Giv sikkerhedskoordinatoren besked samme dag, også selvom medarbejderen ikke vil anmelde det til politiet. De hjælper med at vurdere risikoen.
local-tell-security-label = Sikkerhedskoordinatoren orienteret
