-- colsync test corpus: a small model of Microsoft's AdventureWorks OLTP sample, in the shape of its
-- PostgreSQL port (lorint/AdventureWorks-for-Postgres): the production and sales tables named below.
-- See NOTICE.md. Plain SQL; runs on an empty database as its (non-superuser) owner, before data.sql.

CREATE SCHEMA production;
CREATE SCHEMA sales;

-- The original's user-defined types, as domains in public (as the port has them).
CREATE DOMAIN public."Name" AS varchar(50);
CREATE DOMAIN public."Flag" AS boolean NOT NULL;
CREATE DOMAIN public."OrderNumber" AS varchar(25);
CREATE DOMAIN public."AccountNumber" AS varchar(15);

CREATE TABLE production.productcategory (
    productcategoryid  serial           PRIMARY KEY,
    name               public."Name"    NOT NULL,
    rowguid            uuid             NOT NULL,
    modifieddate       timestamp        NOT NULL DEFAULT now()
);

CREATE TABLE production.productsubcategory (
    productsubcategoryid  serial         PRIMARY KEY,
    productcategoryid     integer        NOT NULL REFERENCES production.productcategory,
    name                  public."Name"  NOT NULL,
    rowguid               uuid           NOT NULL,
    modifieddate          timestamp      NOT NULL DEFAULT now()
);

CREATE TABLE production.product (
    productid             serial         PRIMARY KEY,
    name                  public."Name"  NOT NULL,
    productnumber         varchar(25)    NOT NULL,
    makeflag              public."Flag"  NOT NULL DEFAULT true,
    finishedgoodsflag     public."Flag"  NOT NULL DEFAULT true,
    color                 varchar(15),
    safetystocklevel      smallint       NOT NULL,
    reorderpoint          smallint       NOT NULL,
    standardcost          numeric        NOT NULL,
    listprice             numeric        NOT NULL,
    size                  varchar(5),
    weight                numeric(8,2),
    daystomanufacture     integer        NOT NULL,
    productline           char(2),
    class                 char(2),
    style                 char(2),
    productsubcategoryid  integer        REFERENCES production.productsubcategory,
    sellstartdate         timestamp      NOT NULL,
    sellenddate           timestamp,
    discontinueddate      timestamp,
    rowguid               uuid           NOT NULL,
    modifieddate          timestamp      NOT NULL DEFAULT now(),
    CONSTRAINT "ck_product_listprice" CHECK (listprice >= 0.00),
    CONSTRAINT "ck_product_standardcost" CHECK (standardcost >= 0.00),
    CONSTRAINT "ck_product_safetystocklevel" CHECK (safetystocklevel > 0),
    CONSTRAINT "ck_product_class" CHECK (upper(class) IN ('L', 'M', 'H') OR class IS NULL),
    CONSTRAINT "ck_product_sellenddate" CHECK (sellenddate >= sellstartdate OR sellenddate IS NULL)
);

CREATE UNIQUE INDEX ak_product_name ON production.product (name);
CREATE UNIQUE INDEX ak_product_productnumber ON production.product (productnumber);

CREATE TABLE production.productinventory (
    productid     integer        NOT NULL REFERENCES production.product,
    locationid    smallint       NOT NULL,
    shelf         varchar(10)    NOT NULL,
    bin           smallint       NOT NULL,
    quantity      smallint       NOT NULL DEFAULT 0,
    rowguid       uuid           NOT NULL,
    modifieddate  timestamp      NOT NULL DEFAULT now(),
    PRIMARY KEY (productid, locationid)
);

CREATE TABLE production.productreview (
    productreviewid  serial         PRIMARY KEY,
    productid        integer        NOT NULL REFERENCES production.product,
    reviewername     public."Name"  NOT NULL,
    reviewdate       timestamp      NOT NULL DEFAULT now(),
    emailaddress     varchar(50)    NOT NULL,
    rating           integer        NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comments         varchar(3850),
    modifieddate     timestamp      NOT NULL DEFAULT now(),
    comments_tsv     tsvector
);

-- The original has a full-text index over Comments; the PostgreSQL way is a tsvector column kept by
-- a trigger and a GIN index over it.
CREATE TRIGGER productreview_comments_tsv
    BEFORE INSERT OR UPDATE ON production.productreview
    FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(comments_tsv, 'pg_catalog.english', comments);

CREATE INDEX ix_productreview_comments_tsv ON production.productreview USING gin (comments_tsv);

CREATE TABLE sales.salesorderheader (
    salesorderid         serial                PRIMARY KEY,
    revisionnumber       smallint              NOT NULL DEFAULT 0,
    orderdate            timestamp             NOT NULL DEFAULT now(),
    duedate              timestamp             NOT NULL,
    shipdate             timestamp,
    status               smallint              NOT NULL DEFAULT 1 CHECK (status BETWEEN 0 AND 8),
    onlineorderflag      public."Flag"         NOT NULL DEFAULT true,
    purchaseordernumber  public."OrderNumber",
    accountnumber        public."AccountNumber",
    customerid           integer               NOT NULL,
    subtotal             numeric               NOT NULL DEFAULT 0.00 CHECK (subtotal >= 0.00),
    taxamt               numeric               NOT NULL DEFAULT 0.00,
    freight              numeric               NOT NULL DEFAULT 0.00,
    comment              varchar(128),
    rowguid              uuid                  NOT NULL,
    modifieddate         timestamp             NOT NULL DEFAULT now()
);

CREATE INDEX ix_salesorderheader_orderdate ON sales.salesorderheader (orderdate);

CREATE TABLE sales.salesorderdetail (
    salesorderid           integer    NOT NULL REFERENCES sales.salesorderheader ON DELETE CASCADE,
    salesorderdetailid     serial     NOT NULL,
    carriertrackingnumber  varchar(25),
    orderqty               smallint   NOT NULL CHECK (orderqty > 0),
    productid              integer    NOT NULL REFERENCES production.product,
    specialofferid         integer    NOT NULL DEFAULT 1,
    unitprice              numeric    NOT NULL CHECK (unitprice >= 0.00),
    unitpricediscount      numeric    NOT NULL DEFAULT 0.0,
    rowguid                uuid       NOT NULL,
    modifieddate           timestamp  NOT NULL DEFAULT now(),
    PRIMARY KEY (salesorderid, salesorderdetailid)
);

CREATE INDEX ix_salesorderdetail_productid ON sales.salesorderdetail (productid);

-- The original's SQL Server triggers keep ModifiedDate current on update.
CREATE FUNCTION production.set_modifieddate() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.modifieddate := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER product_modifieddate
    BEFORE UPDATE ON production.product
    FOR EACH ROW EXECUTE FUNCTION production.set_modifieddate();

CREATE TRIGGER salesorderdetail_modifieddate
    BEFORE UPDATE ON sales.salesorderdetail
    FOR EACH ROW EXECUTE FUNCTION production.set_modifieddate();

CREATE VIEW sales.vorderlines AS
    SELECT d.salesorderid, d.salesorderdetailid, d.productid, p.name AS productname, d.orderqty, d.unitprice
    FROM sales.salesorderdetail d
    JOIN production.product p ON p.productid = d.productid;

CREATE VIEW production.vproductprice AS
    SELECT productid, name, productnumber, listprice, color
    FROM production.product;
