# Demo organisation's own wording (Swedish). Each message replaces Fyr's built-in text with the
# same id; `fyr texts --lang sv` shows every id and its current text.
start-greeting = Hej { $name }! Det här är Fyr, Demoorganisationens stöd för dig som har blivit hotad, trakasserad eller angripen av någon du möter i jobbet. Vi tar en fråga i taget.

# A manager's checklist item of the organisation's own (`[[organisation.checklist]]` in bot.toml).
local-tell-security = Enligt vår rutin: meddela säkerhetssamordnaren på Trygghetscenter samma dag, också om medarbetaren inte vill polisanmäla. De hjälper till att bedöma risken.
local-tell-security-label = Säkerhetssamordnaren meddelad
