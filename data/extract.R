# Writes the course's CSV files from R packages that Debian ships.
# Needs: apt-get install r-base-core r-cran-bayesm r-cran-mass r-cran-palmerpenguins
# Run from the repository root: Rscript data/extract.R
write <- function(df, file) write.csv(df, file, row.names = FALSE, quote = FALSE)

# Borden sliced cheese at one retailer: weekly display activity against unit sales.
data(cheese, package = "bayesm")
store <- cheese[cheese$RETAILER == "ST. LOUIS - NATIONAL SUPER", ]
write(data.frame(week = seq_len(nrow(store)), display = store$DISP,
                 price = store$PRICE, volume = store$VOLUME),
      "data/cheese-display.csv")

# 1993 cars: horsepower against fuel use, a clearly curved relation.
data(Cars93, package = "MASS")
write(data.frame(horsepower = Cars93$Horsepower, mpg_city = Cars93$MPG.city,
                 mpg_highway = Cars93$MPG.highway, weight_lb = Cars93$Weight),
      "data/cars93.csv")

# Adélie penguins whose sex was recorded: body size against sex (male = 1).
data(penguins, package = "palmerpenguins")
adelie <- penguins[penguins$species == "Adelie" & !is.na(penguins$sex), ]
write(data.frame(body_mass_g = adelie$body_mass_g,
                 flipper_length_mm = adelie$flipper_length_mm,
                 bill_length_mm = adelie$bill_length_mm,
                 bill_depth_mm = adelie$bill_depth_mm,
                 male = as.integer(adelie$sex == "male")),
      "data/adelie-sex.csv")
