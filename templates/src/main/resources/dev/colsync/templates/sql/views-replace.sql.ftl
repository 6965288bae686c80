<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ViewsModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / create the views that read the column again, as they were.
-- One transaction; CREATE OR REPLACE VIEW keeps each view's columns, grants and owner, and takes
-- ACCESS EXCLUSIVE on the view (not on the table) for milliseconds.
<@o.timeouts model.table/>
<#list model.statements as statement>
${statement}
</#list>
