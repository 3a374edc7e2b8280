# Demo organisation's own wording (English).
start-greeting = Hi { $name }! This is Fyr, the Demo organisation's support for staff who have been threatened, harassed or attacked by someone they meet at work. We'll take one question at a time.

# A manager's checklist item of the organisation's own (`[[organisation.checklist]]` in bot.toml).
local-tell-security = Under our routine: tell the security coordinator the same day, even if the employee does not want to report it to the police. They help assess the risk.
local-tell-security-label = Security coordinator told
