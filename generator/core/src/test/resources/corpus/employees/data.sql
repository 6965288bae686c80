-- colsync test corpus: generated, deterministic data for the employees model (see NOTICE.md).
-- Runs after schema.sql. No random(), no clock: every value is arithmetic over generate_series.
-- Employee i (1..1500) has emp_no 10000 + i.

INSERT INTO employees.department (dept_no, dept_name) VALUES
    ('d001', 'Marketing'),
    ('d002', 'Finance'),
    ('d003', 'Human Resources'),
    ('d004', 'Production'),
    ('d005', 'Development'),
    ('d006', 'Quality Management'),
    ('d007', 'Sales'),
    ('d008', 'Research'),
    ('d009', 'Customer Service');

INSERT INTO employees.employee (emp_no, birth_date, first_name, last_name, gender, hire_date)
SELECT 10000 + i,
       date '1952-02-01' + (i * 7919) % 4740,
       CASE WHEN (i * 31) % 5 < 3
            THEN (ARRAY['Bruno', 'Dariusz', 'Gunnar', 'Ignacio', 'Kenji', 'Mateus', 'Oskar', 'Quentin', 'Rasmus',
                        'Tomasz', 'Vikram', 'Xavier', 'Yusuf', 'Bartholomew', 'Chidi'])[1 + (i * 17) % 15]
            ELSE (ARRAY['Adela', 'Celina', 'Edita', 'Fumiko', 'Hana', 'Jelena', 'Lorena', 'Nadia', 'Priya',
                        'Soledad', 'Ulla', 'Wanda', 'Zofia', 'Anne-Marie', 'Dagny'])[1 + (i * 17) % 15]
       END,
       (ARRAY['Abernathy', 'Baptiste', 'Castellanos', 'Dvorak', 'Eriksen', 'Fontaine', 'Gallagher', 'Horvath',
              'Ishikawa', 'Jankowski', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Nakamura', 'O''Connor', 'Petrov',
              'Quispe', 'Rossi', 'Szabo', 'Takahashi', 'Underwood', 'Vasquez', 'Whitfield', 'Xu', 'Yilmaz',
              'Zimmermann', 'Smith-Jones', 'Van der Berg', 'Okonkwo', 'Haugen', 'Mbeki', 'Lefebvre'])
           [1 + (i * 13 + i / 7) % 32],
       (CASE WHEN (i * 31) % 5 < 3 THEN 'M' ELSE 'F' END)::employees.employee_gender,
       date '1985-01-01' + (i * 104729) % 5110
FROM generate_series(1, 1500) AS i;

-- Every employee starts in one department on the hire date. Every tenth employee later moves to a
-- second one; every thirteenth (who does not move) leaves. Everyone else is still there (9999-01-01,
-- as in the original).
INSERT INTO employees.dept_emp (emp_no, dept_no, from_date, to_date)
SELECT e.emp_no,
       'd' || lpad((1 + (k.i * 7) % 9)::text, 3, '0'),
       e.hire_date,
       CASE WHEN k.i % 10 = 0 THEN e.hire_date + 400 + (k.i * 37) % 2000
            WHEN k.i % 13 = 0 THEN e.hire_date + 200 + (k.i * 53) % 1200
            ELSE date '9999-01-01' END
FROM employees.employee e
CROSS JOIN LATERAL (SELECT e.emp_no - 10000 AS i) k
UNION ALL
SELECT e.emp_no,
       'd' || lpad((1 + ((k.i * 7) % 9 + 3) % 9)::text, 3, '0'),
       e.hire_date + 400 + (k.i * 37) % 2000,
       date '9999-01-01'
FROM employees.employee e
CROSS JOIN LATERAL (SELECT e.emp_no - 10000 AS i) k
WHERE k.i % 10 = 0;

-- Three managers per department: its 1st, 41st and 81st member by emp_no, for their time there.
INSERT INTO employees.dept_manager (emp_no, dept_no, from_date, to_date)
SELECT emp_no, dept_no, from_date, to_date
FROM (SELECT d.*, row_number() OVER (PARTITION BY d.dept_no ORDER BY d.emp_no) AS rn
      FROM employees.dept_emp d) ranked
WHERE rn IN (1, 41, 81);

-- Managers hold the title Manager. Others hold one title, or (every third employee who stays) two:
-- a first one and the one they were promoted to. The current title ends 9999-01-01, except that every
-- fiftieth leaves it NULL (the column is nullable in the original); a leaver's title ends when they leave.
WITH e AS (
    SELECT emp_no, emp_no - 10000 AS i, hire_date,
           EXISTS (SELECT 1 FROM employees.dept_manager m WHERE m.emp_no = employee.emp_no) AS manager
    FROM employees.employee
), t AS (
    SELECT e.*,
           (e.i % 13 = 0 AND e.i % 10 <> 0) AS leaver,
           (e.i % 3 = 0 AND NOT (e.i % 13 = 0 AND e.i % 10 <> 0)) AS promoted,
           e.hire_date + 500 + (e.i * 41) % 1500 AS promotion_date,
           (e.i * 11) % 6 AS track
    FROM e
)
INSERT INTO employees.title (emp_no, title, from_date, to_date)
SELECT emp_no, 'Manager', hire_date,
       CASE WHEN i % 50 = 0 THEN NULL ELSE date '9999-01-01' END
FROM t WHERE manager
UNION ALL
SELECT emp_no,
       (ARRAY['Staff', 'Engineer', 'Assistant Engineer', 'Senior Engineer', 'Staff', 'Engineer'])[1 + track],
       hire_date,
       CASE WHEN promoted THEN promotion_date
            WHEN leaver THEN hire_date + 200 + (i * 53) % 1200
            WHEN i % 50 = 0 THEN NULL
            ELSE date '9999-01-01' END
FROM t WHERE NOT manager
UNION ALL
SELECT emp_no,
       (ARRAY['Senior Staff', 'Senior Engineer', 'Engineer', 'Technique Leader', 'Senior Staff', 'Senior Engineer'])
           [1 + track],
       promotion_date,
       CASE WHEN i % 50 = 0 THEN NULL ELSE date '9999-01-01' END
FROM t WHERE NOT manager AND promoted;

-- Two to four yearly salary rows per employee; the last one is current (9999-01-01), or for a leaver
-- ends a year after it starts.
INSERT INTO employees.salary (emp_no, amount, from_date, to_date)
SELECT e.emp_no,
       40000 + (k.i * 1237) % 90000 + s * (500 + (k.i * 7) % 3000),
       e.hire_date + s * 365,
       CASE WHEN s < 1 + k.i % 3 THEN e.hire_date + (s + 1) * 365
            WHEN k.i % 13 = 0 AND k.i % 10 <> 0 THEN e.hire_date + (s + 1) * 365
            ELSE date '9999-01-01' END
FROM employees.employee e
CROSS JOIN LATERAL (SELECT e.emp_no - 10000 AS i) k
CROSS JOIN LATERAL generate_series(0, 1 + k.i % 3) AS s;
