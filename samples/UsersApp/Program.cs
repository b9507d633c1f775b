using Fwk;

var app = FwkApplication.Create(args);
return await app.RunAsync();
