"""The one calling style for screens, the scripting API and commands: service objects.

Each object is built once per opened database (`AppContext` holds them as `ctx.roster`,
`ctx.wall`, …) and every method takes the acting `Principal` first. A method authorizes before
it reads or writes (Action.VIEW for reads), keeps to the principal's centre and those below it,
and then calls the module functions of `commandcenter.services`, which stay the building blocks
services use among themselves. Callers never hand a database to a service.
"""
