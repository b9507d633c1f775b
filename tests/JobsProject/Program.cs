using Fwk;
using Fwk.Db;
using Fwk.Jobs;

var app = FwkApplication.Create(args);
app.Services.AddValidation();
app.UseDatabase();
app.UseJobs();
return await app.RunAsync();
