using Fwk;
using Fwk.Db;

var app = FwkApplication.Create(args);

// ASP.NET Core's validation source generator registers this project's request models through this call.
app.Services.AddValidation();
app.UseDatabase();
return await app.RunAsync();
