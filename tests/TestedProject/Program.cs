using Fwk;
using Fwk.Db;

var app = FwkApplication.Create(args);
app.Services.AddValidation();
app.UseDatabase();
return await app.RunAsync();
