global using Grastorp.Intake.Web;
